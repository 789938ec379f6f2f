package org.mercato.user.infrastructure;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountRepository;
import org.mercato.user.domain.AccountSearch;
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
    public List<Account> search(AccountSearch search, int offset, int limit) {
        TypedQuery<Account> query = em.createQuery("select a from Account a where " + where(search) + " order by "
                + order(search), Account.class);
        return parameters(query, search).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(AccountSearch search) {
        return parameters(em.createQuery("select count(a) from Account a where " + where(search), Long.class),
                search).getSingleResult();
    }

    /** The search's conditions; its values are bound by {@link #parameters}, never written into the query. */
    private static String where(AccountSearch search) {
        StringBuilder where = new StringBuilder("(lower(a.email) like :text or lower(a.name) like :text)");
        if (search.role() != null) {
            where.append(" and a.id in (select b.id from Account b join b.roles r where r = :role)");
        }
        if (search.locked() != null) {
            where.append(search.locked() ? " and a.lockedAt is not null" : " and a.lockedAt is null");
        }
        return where.toString();
    }

    private static String order(AccountSearch search) {
        String key = switch (search.sortBy()) {
            case EMAIL -> "a.emailNormalized";
            case NAME -> "lower(a.name)";
            case CREATED -> "a.createdAt";
        };
        String direction = search.descending() ? " desc" : " asc";
        return key + direction + ", a.id" + direction;
    }

    private static <T> TypedQuery<T> parameters(TypedQuery<T> query, AccountSearch search) {
        query.setParameter("text", pattern(search.text()));
        if (search.role() != null) {
            query.setParameter("role", search.role());
        }
        return query;
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
