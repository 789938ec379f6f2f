package org.mercato.payment.infrastructure;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentRepository;

/** Payments in PostgreSQL; a new payment is inserted with ON CONFLICT so a concurrent same-key request loses cleanly. */
@ApplicationScoped
public class JpaPaymentRepository implements PaymentRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaPaymentRepository() {
        // for CDI
    }

    public JpaPaymentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Payment> findByKey(String key) {
        return em.createQuery("select p from Payment p where p.idempotencyKey = :key", Payment.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    @Override
    public Optional<Payment> find(UUID id) {
        return Optional.ofNullable(em.find(Payment.class, id));
    }

    @Override
    public Optional<Payment> lock(UUID id) {
        return Optional.ofNullable(em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Payment> forOrder(String orderId) {
        return em.createQuery("select p from Payment p where p.orderId = :order order by p.createdAt",
                Payment.class).setParameter("order", orderId).getResultList();
    }

    @Override
    public boolean add(Payment p) {
        int inserted = em.createNativeQuery("insert into payment (id, order_id, idempotency_key, request_hash, amount,"
                + " currency, status, provider, provider_reference, decline_reason, created_at, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)"
                + " on conflict (idempotency_key) do nothing").setParameter(1, p.id()).setParameter(2, p.orderId())
                .setParameter(3, p.idempotencyKey()).setParameter(4, p.requestHash())
                .setParameter(5, p.amount().amount()).setParameter(6, p.amount().currency())
                .setParameter(7, p.status().name()).setParameter(8, p.provider())
                .setParameter(9, p.providerReference()).setParameter(10, p.declineReason())
                .setParameter(11, Timestamp.from(p.createdAt())).executeUpdate();
        return inserted == 1;
    }
}
