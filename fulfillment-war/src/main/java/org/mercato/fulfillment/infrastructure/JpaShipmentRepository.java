package org.mercato.fulfillment.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.mercato.fulfillment.domain.Shipment;
import org.mercato.fulfillment.domain.ShipmentRepository;
import org.mercato.fulfillment.domain.ShipmentStatus;

/** Shipments in PostgreSQL: row locks for steps, an advisory lock per order, SKIP LOCKED for the demo warehouse. */
@ApplicationScoped
public class JpaShipmentRepository implements ShipmentRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaShipmentRepository() {
        // for CDI
    }

    public JpaShipmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Shipment> find(UUID id) {
        return Optional.ofNullable(em.find(Shipment.class, id));
    }

    @Override
    public Optional<Shipment> lock(UUID id) {
        return Optional.ofNullable(em.find(Shipment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Shipment> forOrder(String orderId) {
        return byOrder(orderId).getResultStream().findFirst();
    }

    @Override
    public Optional<Shipment> lockForOrder(String orderId) {
        return byOrder(orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private TypedQuery<Shipment> byOrder(String orderId) {
        return em.createQuery("select s from Shipment s where s.orderId = :order", Shipment.class)
                .setParameter("order", orderId);
    }

    @Override
    public void lockOrder(String orderId) {
        // a transaction-scoped advisory lock: it also covers the moment before the shipment row exists
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "shipment-of-order:" + orderId).getSingleResult();
    }

    @Override
    public void add(Shipment shipment) {
        em.persist(shipment);
        em.flush();
    }

    @Override
    public boolean trackingNumberTaken(String trackingNumber) {
        // no flush before it: the demo warehouse dispatches a batch in one transaction, and flushing the whole unit
        // of work before each look-up made a batch quadratic (10 % of the CPU while orders were placed). A number
        // drawn twice within one batch is left to the unique constraint, which rolls that batch back.
        return em.createQuery("select count(s) from Shipment s where s.trackingNumber = :number", Long.class)
                .setParameter("number", trackingNumber).setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getSingleResult() > 0;
    }

    @Override
    public List<Shipment> search(ShipmentStatus status, String orderId, int offset, int limit) {
        TypedQuery<Shipment> query = em.createQuery("select s from Shipment s" + where(status, orderId)
                + " order by s.createdAt desc, s.id", Shipment.class);
        bind(query, status, orderId);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(ShipmentStatus status, String orderId) {
        TypedQuery<Long> query = em.createQuery("select count(s) from Shipment s" + where(status, orderId),
                Long.class);
        bind(query, status, orderId);
        return query.getSingleResult();
    }

    private static String where(ShipmentStatus status, String orderId) {
        if (status != null && orderId != null) {
            return " where s.status = :status and s.orderId = :order";
        }
        if (status != null) {
            return " where s.status = :status";
        }
        return orderId != null ? " where s.orderId = :order" : "";
    }

    private static void bind(TypedQuery<?> query, ShipmentStatus status, String orderId) {
        if (status != null) {
            query.setParameter("status", status);
        }
        if (orderId != null) {
            query.setParameter("order", orderId);
        }
    }

    @Override
    public List<UUID> claimNew(Instant createdBefore, int max) {
        return ((List<?>) em.createNativeQuery("select id from shipment where status = 'NEW' and created_at <= ?1"
                + " order by created_at, id limit ?2 for update skip locked").setParameter(1, at(createdBefore))
                .setParameter(2, max).getResultList()).stream().map(id -> UUID.fromString(String.valueOf(id)))
                .toList();
    }

    @Override
    public void recordCancelledBeforeShipment(String orderId, String reason, Instant at) {
        em.createNativeQuery("insert into cancelled_order (order_id, reason, cancelled_at) values (?1, ?2, ?3)"
                + " on conflict (order_id) do nothing").setParameter(1, orderId)
                .setParameter(2, reason == null ? null : reason.length() > 300 ? reason.substring(0, 300) : reason)
                .setParameter(3, at(at)).executeUpdate();
    }

    @Override
    public boolean cancelledBeforeShipment(String orderId) {
        return ((Number) em.createNativeQuery("select count(*) from cancelled_order where order_id = ?1")
                .setParameter(1, orderId).getSingleResult()).longValue() > 0;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
