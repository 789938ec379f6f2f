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
import org.mercato.order.domain.OrderSearch;
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
    public List<Order> search(OrderSearch search, int page, int size) {
        TypedQuery<Order> query = em.createQuery("select o from Order o" + where(search) + orderBy(search.sort()),
                Order.class);
        return bind(query, search).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Override
    public long count(OrderSearch search) {
        return bind(em.createQuery("select count(o) from Order o" + where(search), Long.class), search)
                .getSingleResult();
    }

    /**
     * Only the conditions asked for ("... or :status is null" cannot be typed by PostgreSQL). Each has an index
     * (V5): the id prefix is a range of the primary key, the email prefix a LIKE on {@code lower(customer_email)}.
     */
    private static String where(OrderSearch search) {
        List<String> conditions = new ArrayList<>();
        if (search.customerId() != null) {
            conditions.add("o.customerId = :customer");
        }
        if (search.status() != null) {
            conditions.add("o.status = :status");
        }
        if (search.idPrefix() != null) {
            conditions.add("o.id between :lowestId and :highestId");
        }
        if (search.emailPrefix() != null) {
            conditions.add("lower(o.customerEmail) like :email");
        }
        if (search.createdFrom() != null) {
            conditions.add("o.createdAt >= :from");
        }
        if (search.createdTo() != null) {
            conditions.add("o.createdAt <= :to");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The sort, then newest first, then the id: a stable order, so pages neither repeat nor skip an order. */
    private static String orderBy(OrderSearch.Sort sort) {
        String direction = sort.descending() ? " desc" : " asc";
        String key = switch (sort.key()) {
            case CREATED -> "o.createdAt";
            case TOTAL -> "o.total";
            case STATUS -> "o.status";
        };
        return " order by " + key + direction + (sort.key() == OrderSearch.SortKey.CREATED ? "" : ", o.createdAt desc")
                + ", o.id" + direction;
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, OrderSearch search) {
        if (search.customerId() != null) {
            query.setParameter("customer", search.customerId());
        }
        if (search.status() != null) {
            query.setParameter("status", search.status());
        }
        if (search.idPrefix() != null) {
            query.setParameter("lowestId", search.lowestId()).setParameter("highestId", search.highestId());
        }
        if (search.emailPrefix() != null) {
            // LIKE's escape character in PostgreSQL is the backslash: the prefix's own % and _ match themselves
            query.setParameter("email", search.emailPrefix().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
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
    @SuppressWarnings("unchecked")
    public List<UUID> paymentChecksDue(Instant failedBefore, Instant pendingBefore, int max) {
        List<Object> ids = em.createNativeQuery("select id from customer_order where (payment_check_due and"
                + " updated_at < ?1) or (status = 'PENDING' and created_at < ?2) order by created_at limit ?3")
                .setParameter(1, Timestamp.from(failedBefore)).setParameter(2, Timestamp.from(pendingBefore))
                .setParameter(3, max).getResultList();
        return ids.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
    }
}
