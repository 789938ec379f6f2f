package org.mercato.user.infrastructure;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.mercato.user.domain.RefreshToken;
import org.mercato.user.domain.RefreshTokenRepository;

@ApplicationScoped
public class JpaRefreshTokenRepository implements RefreshTokenRepository {

    @PersistenceContext(unitName = "users")
    EntityManager em;

    public JpaRefreshTokenRepository() {
    }

    JpaRefreshTokenRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        // row lock: two concurrent refreshes with one token must not both succeed
        return em.createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", tokenHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public void add(RefreshToken token) {
        em.persist(token);
    }

    @Override
    public int revokeFamily(UUID familyId, Instant now) {
        int count = em.createQuery("update RefreshToken t set t.revokedAt = :now"
                + " where t.familyId = :family and t.revokedAt is null")
                .setParameter("now", now)
                .setParameter("family", familyId)
                .executeUpdate();
        em.clear();
        return count;
    }

    @Override
    public int revokeAllOf(UUID accountId, Instant now) {
        return em.createQuery("update RefreshToken t set t.revokedAt = :now"
                + " where t.accountId = :account and t.revokedAt is null")
                .setParameter("now", now)
                .setParameter("account", accountId)
                .executeUpdate();
    }
}
