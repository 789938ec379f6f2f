package org.mercato.user.infrastructure;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.mercato.user.domain.SigningKey;
import org.mercato.user.domain.SigningKeyRepository;

@ApplicationScoped
public class JpaSigningKeyRepository implements SigningKeyRepository {

    @PersistenceContext(unitName = "users")
    EntityManager em;

    public JpaSigningKeyRepository() {
    }

    JpaSigningKeyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<SigningKey> newest() {
        return em.createQuery("select k from SigningKey k order by k.createdAt desc, k.kid", SigningKey.class)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public List<SigningKey> all() {
        return em.createQuery("select k from SigningKey k order by k.createdAt desc, k.kid", SigningKey.class)
                .getResultList();
    }

    @Override
    public void add(SigningKey key) {
        em.persist(key);
    }
}
