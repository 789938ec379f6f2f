package org.mercato.order.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderRepository;
import org.mercato.order.domain.OrderStatus;

/** Orders in PostgreSQL (database {@code orders}). */
@ApplicationScoped
public class JpaOrderRepository implements OrderRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaOrderRepository() {
        // for CDI
    }

    public JpaOrderRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Order order) {
        // the unique index (customer_id, idempotency_key) refuses a concurrent twin at flush; the caller replays
        em.persist(order);
        em.flush();
    }

    @Override
    public Optional<Order> find(UUID id) {
        return Optional.ofNullable(em.find(Order.class, id));
    }

    @Override
    public Optional<Order> lock(UUID id) {
        return Optional.ofNullable(em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Order> findByKey(String customerId, String idempotencyKey) {
        return em.createQuery("select o from Order o where o.customerId = :customer and o.idempotencyKey = :key",
                Order.class).setParameter("customer", customerId).setParameter("key", idempotencyKey)
                .getResultStream().findFirst();
    }

    @Override
    public boolean cartOrdered(String cartId, long cartVersion) {
        return em.createQuery("select count(o) from Order o where o.cartId = :cart and o.cartVersion = :version"
                + " and o.status <> :failed", Long.class).setParameter("cart", cartId)
                .setParameter("version", cartVersion).setParameter("failed", OrderStatus.FAILED)
                .getSingleResult() > 0;
    }

    @Override
    public List<Order> search(String customerId, OrderStatus status, int page, int size) {
        TypedQuery<Order> query = em.createQuery("select o from Order o" + where(customerId, status)
                + " order by o.createdAt desc", Order.class);
        return bind(query, customerId, status).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Override
    public long count(String customerId, OrderStatus status) {
        return bind(em.createQuery("select count(o) from Order o" + where(customerId, status), Long.class),
                customerId, status).getSingleResult();
    }

    /** Only the conditions asked for ("... or :status is null" cannot be typed by PostgreSQL). */
    private static String where(String customerId, OrderStatus status) {
        List<String> conditions = new ArrayList<>();
        if (customerId != null) {
            conditions.add("o.customerId = :customer");
        }
        if (status != null) {
            conditions.add("o.status = :status");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String customerId, OrderStatus status) {
        if (customerId != null) {
            query.setParameter("customer", customerId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> paymentChecksDue(Instant failedBefore, Instant pendingBefore, int max) {
        List<Object> ids = em.createNativeQuery("select id from customer_order where (payment_check_due and"
                + " updated_at < ?1) or (status = 'PENDING' and created_at < ?2) order by created_at limit ?3")
                .setParameter(1, Timestamp.from(failedBefore)).setParameter(2, Timestamp.from(pendingBefore))
                .setParameter(3, max).getResultList();
        return ids.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
    }
}
