package org.mercato.user.infrastructure;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountRepository;
import org.mercato.user.domain.EmailAlreadyRegisteredException;
import org.mercato.user.domain.Role;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "users")
    EntityManager em;

    public JpaAccountRepository() {
    }

    JpaAccountRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Account> find(UUID id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    @Override
    public Optional<Account> findByEmail(String normalizedEmail) {
        return em.createQuery("select a from Account a where a.emailNormalized = :email", Account.class)
                .setParameter("email", normalizedEmail)
                .getResultStream().findFirst();
    }

    @Override
    public boolean existsByEmail(String normalizedEmail) {
        return em.createQuery("select count(a) from Account a where a.emailNormalized = :email", Long.class)
                .setParameter("email", normalizedEmail)
                .getSingleResult() > 0;
    }

    @Override
    public boolean anyWithRole(Role role) {
        return !em.createQuery("select a.id from Account a join a.roles r where r = :role", UUID.class)
                .setParameter("role", role)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public List<Account> search(String text, int offset, int limit) {
        return em.createQuery("select a from Account a where lower(a.email) like :text or lower(a.name) like :text"
                + " order by a.createdAt desc, a.id", Account.class)
                .setParameter("text", pattern(text))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long count(String text) {
        return em.createQuery("select count(a) from Account a where lower(a.email) like :text"
                + " or lower(a.name) like :text", Long.class)
                .setParameter("text", pattern(text))
                .getSingleResult();
    }

    @Override
    public void add(Account account) {
        em.persist(account);
        try {
            // flush now so a duplicate email (a lost race with another registration) surfaces here, not at commit
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new EmailAlreadyRegisteredException();
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String pattern(String text) {
        String cleaned = text == null
                ? ""
                : text.trim().toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + cleaned + "%";
    }
}
