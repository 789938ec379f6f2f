package org.mercato.order.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderLine;
import org.mercato.order.domain.OrderPricing;
import org.mercato.order.domain.OrderSearch;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.platform.money.Money;
import org.mercato.platform.testing.PostgresUnit;

/**
 * The staff search's SQL ({@link JpaOrderRepository#search}) on a real PostgreSQL migrated by the service's Flyway
 * scripts: each criterion alone and together, the sorts, and what only the database can get wrong (the id prefix as
 * a range of uuids, which PostgreSQL orders unsigned; LIKE's own characters in an email; inclusive time bounds).
 */
class OrderSearchIT {

    private static final OrderPricing PRICING = new OrderPricing("EUR", 495, 5000, Map.of("DE", 1900), false);
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static PostgresUnit db;
    // ids chosen across the signed/unsigned divide: Java's UUID.compareTo would sort ff... before 00...
    private static final UUID LOW = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001");
    private static final UUID HIGH = UUID.fromString("fa1b2c3d-0000-4000-8000-000000000002");
    private static final UUID HIGH_TWIN = UUID.fromString("fa1b2c3e-0000-4000-8000-000000000003");
    private static final UUID UNDERSCORE = UUID.fromString("7a1b2c3d-0000-4000-8000-000000000004");

    @BeforeAll
    static void orders() throws Exception {
        db = PostgresUnit.start("orders-it", "orders", OrderSearchIT.class.getClassLoader());
        db.inTransaction(em -> em.createNativeQuery("truncate order_transition, order_line, customer_order")
                .executeUpdate());
        // 1, 2, 3 and 4 mugs at 09:00, 10:00, 11:00 and 12:00
        save(LOW, "Alice@Example.com", 1, T0, null);
        save(HIGH, "bob@example.com", 2, T0.plusSeconds(3600), "pay-2");
        save(HIGH_TWIN, "bob@example.org", 3, T0.plusSeconds(7200), "pay-3");
        save(UNDERSCORE, "a_b@example.com", 4, T0.plusSeconds(10800), "pay-4");
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static void save(UUID id, String email, int mugs, Instant at, String paymentId) {
        db.inTransaction(em -> {
            Order order = new Order(id, new Customer("c-" + email.toLowerCase(), email, "Shopper"), "cart-" + id, 1,
                    List.of(new OrderLine("MUG", "Mug", mugs, new Money(1250, "EUR"))), PRICING, new ShippingAddress(
                            "Shopper", "1 Main St", null, "Berlin", "10115", "DE"),
                    "key-" + id, "hash", at);
            if (paymentId != null) {
                order.markPaid(paymentId, at);
            }
            new JpaOrderRepository(em).add(order);
        });
    }

    private static List<UUID> found(OrderSearch search) {
        EntityManager em = db.entityManager();
        try {
            JpaOrderRepository orders = new JpaOrderRepository(em);
            List<UUID> ids = orders.search(search, 0, 20).stream().map(Order::id).toList();
            assertEquals(ids.size(), orders.count(search), "count agrees with the page: " + search);
            return ids;
        } finally {
            em.close();
        }
    }

    @Test
    void everyOrderNewestFirstByDefault() {
        assertEquals(List.of(UNDERSCORE, HIGH_TWIN, HIGH, LOW), found(OrderSearch.all()));
    }

    @Test
    void anIdPrefixIsARangeOfIdsAsTheirText() {
        assertEquals(List.of(HIGH_TWIN, HIGH), found(OrderSearch.all().withIdPrefix("fa1b2c3")));
        assertEquals(List.of(HIGH), found(OrderSearch.all().withIdPrefix("fa1b2c3d")));
        assertEquals(List.of(HIGH), found(OrderSearch.all().withIdPrefix("fa1b2c3d-")));
        assertEquals(List.of(LOW), found(OrderSearch.all().withIdPrefix("0a1b")));
        assertEquals(List.of(HIGH_TWIN), found(OrderSearch.all().withIdPrefix(HIGH_TWIN.toString())));
        assertEquals(List.of(), found(OrderSearch.all().withIdPrefix("fa1c")));
    }

    @Test
    void anEmailPrefixIgnoresCaseAndMatchesLikesOwnCharactersLiterally() {
        assertEquals(List.of(LOW), found(OrderSearch.all().withEmailPrefix("alice@example.com")));
        assertEquals(List.of(HIGH_TWIN, HIGH), found(OrderSearch.all().withEmailPrefix("bob@")));
        assertEquals(List.of(UNDERSCORE), found(OrderSearch.all().withEmailPrefix("a_")), "_ is not a wildcard");
        assertEquals(List.of(), found(OrderSearch.all().withEmailPrefix("%")), "% is not a wildcard");
        assertEquals(List.of(), found(OrderSearch.all().withEmailPrefix("example")));
    }

    @Test
    void theTimeBoundsAreInclusive() {
        assertEquals(List.of(HIGH_TWIN, HIGH), found(OrderSearch.all().createdBetween(T0.plusSeconds(3600), T0
                .plusSeconds(7200))));
        assertEquals(List.of(LOW), found(OrderSearch.all().createdBetween(null, T0)));
        assertEquals(List.of(UNDERSCORE), found(OrderSearch.all().createdBetween(T0.plusSeconds(10800), null)));
    }

    @Test
    void criteriaTogetherAndEverySort() {
        assertEquals(List.of(HIGH), found(OrderSearch.all().withStatus(OrderStatus.PAID).withEmailPrefix("bob")
                .withIdPrefix("fa1b").createdBetween(T0, T0.plusSeconds(3600))));
        assertEquals(List.of(), found(OrderSearch.all().withStatus(OrderStatus.PENDING).withEmailPrefix("bob")));
        assertEquals(List.of(HIGH_TWIN), found(OrderSearch.all().ofCustomer("c-bob@example.org").withEmailPrefix(
                "bob")));
        Function<OrderSearch.SortKey, List<UUID>> ascending = key -> found(OrderSearch.all().sortedBy(
                new OrderSearch.Sort(key, false)));
        assertEquals(List.of(LOW, HIGH, HIGH_TWIN, UNDERSCORE), ascending.apply(OrderSearch.SortKey.TOTAL));
        assertEquals(List.of(LOW, HIGH, HIGH_TWIN, UNDERSCORE), ascending.apply(OrderSearch.SortKey.CREATED));
        // PAID before PENDING; the three paid ones newest first
        assertEquals(List.of(UNDERSCORE, HIGH_TWIN, HIGH, LOW), ascending.apply(OrderSearch.SortKey.STATUS));
        assertEquals(List.of(LOW, UNDERSCORE, HIGH_TWIN, HIGH), found(OrderSearch.all().sortedBy(
                new OrderSearch.Sort(OrderSearch.SortKey.STATUS, true))));
        assertEquals(List.of(UNDERSCORE, HIGH_TWIN, HIGH, LOW), found(OrderSearch.all().sortedBy(
                new OrderSearch.Sort(OrderSearch.SortKey.TOTAL, true))));
    }

    @Test
    void theSearchIndexesExist() {
        EntityManager em = db.entityManager();
        try {
            List<?> indexes = em.createNativeQuery("select indexname from pg_indexes where tablename ="
                    + " 'customer_order'").getResultList();
            assertTrue(indexes.contains("customer_order_created"), indexes.toString());
            assertTrue(indexes.contains("customer_order_email"), indexes.toString());
        } finally {
            em.close();
        }
    }
}
