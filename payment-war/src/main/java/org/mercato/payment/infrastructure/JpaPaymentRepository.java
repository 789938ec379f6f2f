package org.mercato.payment.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentRepository;
import org.mercato.payment.domain.PaymentSearch;
import org.mercato.payment.domain.Refund;
import org.mercato.payment.domain.RefundStatus;

/**
 * Payments and refunds in PostgreSQL. New rows are inserted with ON CONFLICT on the unique (caller,
 * idempotency_key) indexes, so of two requests racing with one key exactly one wins, decided by the database.
 */
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
    public boolean add(Payment p) {
        int inserted = em.createNativeQuery("insert into payment (id, caller, order_id, idempotency_key, request_hash,"
                + " amount, currency, status, provider, created_at, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)"
                + " on conflict (caller, idempotency_key) do nothing").setParameter(1, p.id())
                .setParameter(2, p.caller()).setParameter(3, p.orderId()).setParameter(4, p.idempotencyKey())
                .setParameter(5, p.requestHash()).setParameter(6, p.amount().amount())
                .setParameter(7, p.amount().currency()).setParameter(8, p.status().name())
                .setParameter(9, p.provider()).setParameter(10, Timestamp.from(p.createdAt())).executeUpdate();
        return inserted == 1;
    }

    @Override
    public Optional<Payment> lockByKey(String caller, String key) {
        return em.createQuery("select p from Payment p where p.caller = :caller and p.idempotencyKey = :key",
                Payment.class).setParameter("caller", caller).setParameter("key", key)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public Optional<Payment> find(UUID id) {
        return Optional.ofNullable(em.find(Payment.class, id));
    }

    @Override
    public Optional<Payment> lock(UUID id) {
        return Optional.ofNullable(lockFresh(Payment.class, id));
    }

    @Override
    public List<Payment> forOrder(String orderId) {
        return em.createQuery("select p from Payment p where p.orderId = :order order by p.createdAt",
                Payment.class).setParameter("order", orderId).getResultList();
    }

    @Override
    public List<Payment> search(PaymentSearch search, int page, int size) {
        TypedQuery<Payment> query = em.createQuery("select p from Payment p" + where(search) + orderBy(search
                .sort()), Payment.class);
        return bind(query, search).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Override
    public long count(PaymentSearch search) {
        return bind(em.createQuery("select count(p) from Payment p" + where(search), Long.class), search)
                .getSingleResult();
    }

    /** Only the conditions asked for; indexes (V3) on (status, created_at) and created_at serve them. */
    private static String where(PaymentSearch search) {
        List<String> conditions = new ArrayList<>();
        if (!search.statuses().isEmpty()) {
            conditions.add("p.status in :statuses");
        }
        if (search.createdFrom() != null) {
            conditions.add("p.createdAt >= :from");
        }
        if (search.createdTo() != null) {
            conditions.add("p.createdAt <= :to");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The sort, then newest first, then the id: a stable order, so pages neither repeat nor skip a payment. */
    private static String orderBy(PaymentSearch.Sort sort) {
        String direction = sort.descending() ? " desc" : " asc";
        String key = switch (sort.key()) {
            case CREATED -> "p.createdAt";
            case AMOUNT -> "p.amount";
            case STATUS -> "p.status";
        };
        return " order by " + key + direction + (sort.key() == PaymentSearch.SortKey.CREATED
                ? ""
                : ", p.createdAt desc") + ", p.id" + direction;
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, PaymentSearch search) {
        if (!search.statuses().isEmpty()) {
            query.setParameter("statuses", List.copyOf(search.statuses()));
        }
        if (search.createdFrom() != null) {
            query.setParameter("from", search.createdFrom());
        }
        if (search.createdTo() != null) {
            query.setParameter("to", search.createdTo());
        }
        return query;
    }

    @Override
    public List<Payment> stalled(Instant before, int max) {
        return ids("select id from payment where status in ('AUTHORIZING', 'AUTHORIZED') and updated_at < ?1"
                + " order by updated_at limit ?2", before, max).stream().map(id -> em.find(Payment.class, id))
                .toList();
    }

    @Override
    public boolean addRefund(Refund r) {
        int inserted = em.createNativeQuery("insert into refund (refund_id, payment_id, caller, idempotency_key,"
                + " request_hash, amount, currency, reason, status, refunded_by, attempts, created_at, updated_at,"
                + " refusal_reason, refusal_detail)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14)"
                + " on conflict (caller, idempotency_key) do nothing").setParameter(1, r.id())
                .setParameter(2, r.paymentId()).setParameter(3, r.caller()).setParameter(4, r.idempotencyKey())
                .setParameter(5, r.requestHash()).setParameter(6, r.amount())
                .setParameter(7, r.currency()).setParameter(8, r.reason())
                .setParameter(9, r.status().name()).setParameter(10, r.refundedBy())
                .setParameter(11, r.attempts()).setParameter(12, Timestamp.from(r.createdAt()))
                .setParameter(13, r.status() == RefundStatus.REFUSED ? r.refusal().reason().name() : null)
                .setParameter(14, r.status() == RefundStatus.REFUSED ? r.refusal().getMessage() : null)
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public Optional<Refund> refundByKey(String caller, String key) {
        return em.createQuery("select r from Refund r where r.caller = :caller and r.idempotencyKey = :key",
                Refund.class).setParameter("caller", caller).setParameter("key", key).getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Refund> refund(UUID id) {
        return Optional.ofNullable(em.find(Refund.class, id));
    }

    @Override
    public Optional<Refund> lockRefund(UUID id) {
        return Optional.ofNullable(lockFresh(Refund.class, id));
    }

    @Override
    public List<Refund> refundsOf(UUID paymentId) {
        // a refused request moved nothing: it is its key's record, not one of the payment's refunds
        return em.createQuery("select r from Refund r where r.paymentId = :payment and r.status <> :refused"
                + " order by r.createdAt", Refund.class).setParameter("payment", paymentId
                        .toString())
                .setParameter("refused", RefundStatus.REFUSED).getResultList();
    }

    @Override
    public List<Refund> refundsOf(Collection<UUID> paymentIds) {
        if (paymentIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from Refund r where r.paymentId in :payments and r.status <> :refused"
                + " order by r.createdAt", Refund.class).setParameter("payments", paymentIds.stream()
                        .map(UUID::toString).toList())
                .setParameter("refused", RefundStatus.REFUSED).getResultList();
    }

    @Override
    public List<Refund> stalledRefunds(Instant before, int max) {
        return ids("select refund_id from refund where status = 'PENDING' and updated_at < ?1 order by updated_at"
                + " limit ?2", before, max).stream().map(id -> em.find(Refund.class, id)).toList();
    }

    /** The row read again from the database under SELECT ... FOR UPDATE (not what this transaction saw before). */
    private <T> T lockFresh(Class<T> type, UUID id) {
        T entity = em.find(type, id);
        if (entity != null) {
            em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        }
        return entity;
    }

    private List<UUID> ids(String sql, Instant before, int max) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, Timestamp.from(before)).setParameter(2, max)
                .getResultList();
        return rows.stream().map(row -> row instanceof UUID uuid ? uuid : UUID.fromString(row.toString()))
                .toList();
    }
}
