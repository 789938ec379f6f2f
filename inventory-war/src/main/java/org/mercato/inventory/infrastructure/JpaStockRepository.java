package org.mercato.inventory.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.mercato.inventory.domain.InvalidStockRequestException;
import org.mercato.inventory.domain.Reservation;
import org.mercato.inventory.domain.ReservationLine;
import org.mercato.inventory.domain.StockLevel;
import org.mercato.inventory.domain.StockListQuery;
import org.mercato.inventory.domain.StockMovement;
import org.mercato.inventory.domain.StockRepository;

/** Stock in PostgreSQL: native conditional updates for levels, JPA for reservations. */
@ApplicationScoped
public class JpaStockRepository implements StockRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaStockRepository() {
        // for CDI
    }

    public JpaStockRepository(EntityManager em) {
        this.em = em;
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    private static StockLevel level(Object row) {
        Object[] columns = (Object[]) row;
        return new StockLevel((String) columns[0], (String) columns[1], ((Number) columns[2]).intValue(),
                ((Number) columns[3]).intValue());
    }

    private Optional<StockLevel> single(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(level(rows.get(0)));
    }

    @Override
    public List<StockLevel> levels(String sku) {
        return ((List<?>) em.createNativeQuery("select sku, warehouse, on_hand, reserved from stock_level"
                + " where sku = ?1 order by warehouse").setParameter(1, sku).getResultList()).stream()
                .map(JpaStockRepository::level).toList();
    }

    @Override
    public java.util.Set<String> stockedSkus(java.util.Collection<String> skus) {
        if (skus.isEmpty()) {
            return java.util.Set.of();
        }
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= skus.size(); i++) {
            in.append(i == 1 ? "?" : ", ?").append(i);
        }
        jakarta.persistence.Query query = em.createNativeQuery("select distinct sku from stock_level where sku in ("
                + in + ")");
        int position = 1;
        for (String sku : skus) {
            query.setParameter(position++, sku);
        }
        return ((List<?>) query.getResultList()).stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Optional<StockLevel> insertLevel(String sku, String warehouse, int onHand, Instant now) {
        return single(em.createNativeQuery("insert into stock_level (sku, warehouse, on_hand, reserved, updated_at)"
                + " values (?1, ?2, ?3, 0, ?4) on conflict (sku, warehouse) do nothing"
                + " returning sku, warehouse, on_hand, reserved").setParameter(1, sku).setParameter(2, warehouse)
                .setParameter(3, onHand).setParameter(4, at(now)).getResultList());
    }

    @Override
    public Optional<StockLevel> lockLevel(String sku, String warehouse) {
        return single(em.createNativeQuery("select sku, warehouse, on_hand, reserved from stock_level"
                + " where sku = ?1 and warehouse = ?2 for update").setParameter(1, sku).setParameter(2, warehouse)
                .getResultList());
    }

    @Override
    public void lockLevels(String sku) {
        // in warehouse order, as every other lock of several levels, so two changes never wait for each other
        em.createNativeQuery("select warehouse from stock_level where sku = ?1 order by warehouse for update")
                .setParameter(1, sku).getResultList();
    }

    @Override
    public boolean warehouseExists(String code) {
        return !em.createNativeQuery("select 1 from warehouse where code = ?1").setParameter(1, code)
                .getResultList().isEmpty();
    }

    @Override
    public List<StockLevel> list(StockListQuery query) {
        // the ORDER BY comes from an enum, never from the request's text; the filters are bound parameters
        String direction = query.descending() ? " desc" : " asc";
        String order = switch (query.sort()) {
            case SKU -> "sku" + direction + ", warehouse";
            case AVAILABLE -> "on_hand - reserved" + direction + ", sku, warehouse";
            case ON_HAND -> "on_hand" + direction + ", sku, warehouse";
        };
        jakarta.persistence.Query sql = em.createNativeQuery("select sku, warehouse, on_hand, reserved from stock_level"
                + where(query) + " order by " + order + " offset ?10 limit ?11");
        bind(sql, query).setParameter(10, query.offset()).setParameter(11, query.limit());
        return ((List<?>) sql.getResultList()).stream().map(JpaStockRepository::level).toList();
    }

    @Override
    public long count(StockListQuery query) {
        jakarta.persistence.Query sql = em.createNativeQuery("select count(*) from stock_level" + where(query));
        return ((Number) bind(sql, query).getSingleResult()).longValue();
    }

    /**
     * The list's filters. A SKU prefix is a LIKE with its wildcards escaped, served by the {@code varchar_pattern_ops}
     * index; the low-stock filter by the index on {@code on_hand - reserved} (migration V2).
     */
    private static String where(StockListQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        if (query.skuPrefix() != null) {
            where.append(" and sku like ?1 escape '\\'");
        }
        if (query.warehouse() != null) {
            where.append(" and warehouse = ?2");
        }
        if (query.lowOnly()) {
            where.append(" and on_hand - reserved < ?3");
        }
        return where.toString();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query sql, StockListQuery query) {
        if (query.skuPrefix() != null) {
            sql.setParameter(1, query.skuPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        if (query.warehouse() != null) {
            sql.setParameter(2, query.warehouse());
        }
        if (query.lowOnly()) {
            sql.setParameter(3, query.threshold());
        }
        return sql;
    }

    @Override
    public StockLevel setOnHand(String sku, String warehouse, int onHand, Instant now) {
        List<?> rows = em.createNativeQuery("insert into stock_level (sku, warehouse, on_hand, reserved, updated_at)"
                + " values (?1, ?2, ?3, 0, ?4) on conflict (sku, warehouse) do update set on_hand = excluded.on_hand,"
                + " updated_at = excluded.updated_at, version = stock_level.version + 1"
                + " where stock_level.reserved <= excluded.on_hand"
                + " returning sku, warehouse, on_hand, reserved").setParameter(1, sku).setParameter(2, warehouse)
                .setParameter(3, onHand).setParameter(4, at(now)).getResultList();
        return single(rows).orElseThrow(() -> new InvalidStockRequestException("cannot set " + sku + " in "
                + warehouse + " to " + onHand + ": more units than that are reserved for orders"));
    }

    @Override
    public Optional<StockLevel> reserve(String sku, String warehouse, int quantity, Instant now) {
        // the WHERE is evaluated again on the locked row if another transaction changed it first
        return single(em.createNativeQuery("update stock_level set reserved = reserved + ?3, updated_at = ?4,"
                + " version = version + 1 where sku = ?1 and warehouse = ?2 and on_hand - reserved >= ?3"
                + " returning sku, warehouse, on_hand, reserved").setParameter(1, sku).setParameter(2, warehouse)
                .setParameter(3, quantity).setParameter(4, at(now)).getResultList());
    }

    @Override
    public StockLevel unreserve(String sku, String warehouse, int quantity, Instant now) {
        return single(em.createNativeQuery("update stock_level set reserved = reserved - ?3, updated_at = ?4,"
                + " version = version + 1 where sku = ?1 and warehouse = ?2"
                + " returning sku, warehouse, on_hand, reserved").setParameter(1, sku).setParameter(2, warehouse)
                .setParameter(3, quantity).setParameter(4, at(now)).getResultList()).orElseThrow();
    }

    @Override
    public StockLevel deduct(String sku, String warehouse, int quantity, Instant now) {
        return single(em.createNativeQuery("update stock_level set on_hand = on_hand - ?3,"
                + " reserved = reserved - ?3, updated_at = ?4, version = version + 1"
                + " where sku = ?1 and warehouse = ?2 returning sku, warehouse, on_hand, reserved")
                .setParameter(1, sku).setParameter(2, warehouse).setParameter(3, quantity).setParameter(4, at(now))
                .getResultList()).orElseThrow();
    }

    @Override
    public long available(String sku) {
        return ((Number) em.createNativeQuery("select coalesce(sum(on_hand - reserved), 0) from stock_level"
                + " where sku = ?1").setParameter(1, sku).getSingleResult()).longValue();
    }

    @Override
    public boolean insertReservation(String orderId, Instant now, Instant expiresAt) {
        // a concurrent first request for the same order waits here until the other one commits or rolls back
        int inserted = em.createNativeQuery("insert into reservation (order_id, status, expires_at, created_at,"
                + " updated_at) values (?1, 'HELD', ?2, ?3, ?3) on conflict (order_id) do nothing")
                .setParameter(1, orderId).setParameter(2, at(expiresAt)).setParameter(3, at(now)).executeUpdate();
        return inserted == 1;
    }

    @Override
    public Optional<Reservation> lockReservation(String orderId) {
        return Optional.ofNullable(em.find(Reservation.class, orderId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void saveLines(String orderId, List<ReservationLine> lines) {
        for (ReservationLine line : lines) {
            em.createNativeQuery("insert into reservation_line (order_id, sku, warehouse, quantity)"
                    + " values (?1, ?2, ?3, ?4)").setParameter(1, orderId).setParameter(2, line.sku())
                    .setParameter(3, line.warehouse()).setParameter(4, line.quantity()).executeUpdate();
        }
    }

    @Override
    public List<String> dueReservations(Instant now, int max) {
        return ((List<?>) em.createNativeQuery("select order_id from reservation where status = 'HELD'"
                + " and expires_at <= ?1 order by expires_at limit ?2 for update skip locked")
                .setParameter(1, at(now)).setParameter(2, max).getResultList()).stream().map(String::valueOf)
                .toList();
    }

    @Override
    public void record(StockMovement m) {
        em.createNativeQuery("insert into stock_movement (sku, warehouse, kind, quantity, on_hand_after,"
                + " reserved_after, reference, actor, reason, occurred_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                + " ?10)").setParameter(1, m.sku()).setParameter(2, m.warehouse()).setParameter(3, m.kind().name())
                .setParameter(4, m.quantity()).setParameter(5, m.onHandAfter()).setParameter(6, m.reservedAfter())
                .setParameter(7, m.reference()).setParameter(8, m.actor()).setParameter(9, m.reason())
                .setParameter(10, at(m.occurredAt())).executeUpdate();
    }

    @Override
    public long countMovements(String sku) {
        return ((Number) em.createNativeQuery("select count(*) from stock_movement where sku = ?1").setParameter(1,
                sku).getSingleResult()).longValue();
    }

    @Override
    public List<StockMovement> movements(String sku, int offset, int max) {
        return ((List<?>) em.createNativeQuery("select sku, warehouse, kind, quantity, on_hand_after,"
                + " reserved_after, reference, actor, reason, occurred_at from stock_movement where sku = ?1"
                + " order by id desc offset ?3 limit ?2").setParameter(1, sku).setParameter(2, max)
                .setParameter(3, offset).getResultList()).stream()
                .map(row -> {
                    Object[] c = (Object[]) row;
                    return new StockMovement((String) c[0], (String) c[1], StockMovement.Kind.valueOf((String) c[2]),
                            ((Number) c[3]).intValue(), ((Number) c[4]).intValue(), ((Number) c[5]).intValue(),
                            (String) c[6], (String) c[7], (String) c[8], toInstant(c[9]));
                }).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.parse(String.valueOf(value));
    }

    @Override
    public boolean markProcessed(UUID eventId, String eventType, Instant now) {
        return em.createNativeQuery("insert into processed_event (event_id, event_type, processed_at)"
                + " values (?1, ?2, ?3) on conflict (event_id) do nothing").setParameter(1, eventId)
                .setParameter(2, eventType).setParameter(3, at(now)).executeUpdate() == 1;
    }
}
