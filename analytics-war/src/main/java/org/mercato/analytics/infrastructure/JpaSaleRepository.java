package org.mercato.analytics.infrastructure;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.mercato.analytics.domain.Sale;
import org.mercato.analytics.domain.SaleCancellation;
import org.mercato.analytics.domain.SaleRefund;
import org.mercato.analytics.domain.SaleRepository;

/** Sales facts in PostgreSQL; the per-order lock is a transaction-scoped advisory lock. */
@ApplicationScoped
public class JpaSaleRepository implements SaleRepository {

    /** First half of every advisory lock key taken here ("SALE"), so these locks can never meet another kind. */
    static final int SALE_LOCK_SPACE = 0x53414c45;

    @PersistenceContext
    EntityManager em;

    protected JpaSaleRepository() {
        // for CDI
    }

    public JpaSaleRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void lockOrder(String orderId) {
        // held by the transaction's connection until commit or rollback (SalesFactsIT checks it); a hash
        // collision only makes two orders wait for each other, never mixes their facts
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, ?2)) locked")
                .setParameter(1, SALE_LOCK_SPACE).setParameter(2, orderId.hashCode()).getSingleResult();
    }

    @Override
    public Optional<Sale> find(String orderId) {
        return Optional.ofNullable(em.find(Sale.class, orderId));
    }

    @Override
    public void add(Sale sale) {
        em.persist(sale);
    }

    @Override
    public Optional<SaleRefund> findRefund(String refundId) {
        return Optional.ofNullable(em.find(SaleRefund.class, refundId));
    }

    @Override
    public void addRefund(SaleRefund refund) {
        em.persist(refund);
    }

    @Override
    public List<SaleRefund> refundsWaitingFor(String orderId) {
        return em.createQuery("select r from SaleRefund r where r.orderId = :order and r.appliedAt is null"
                + " order by r.occurredAt, r.refundId", SaleRefund.class).setParameter("order", orderId)
                .getResultList();
    }

    @Override
    public Optional<SaleCancellation> findCancellation(String orderId) {
        return Optional.ofNullable(em.find(SaleCancellation.class, orderId));
    }

    @Override
    public void addCancellation(SaleCancellation cancellation) {
        em.persist(cancellation);
    }
}
