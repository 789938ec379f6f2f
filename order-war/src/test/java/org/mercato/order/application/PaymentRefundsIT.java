package org.mercato.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.jms.TextMessage;
import jakarta.persistence.PersistenceException;

import org.mercato.platform.testing.EventMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.ConsumerForTests;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderLine;
import org.mercato.order.domain.OrderPricing;
import org.mercato.order.domain.OrderRefund;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.order.domain.Transition;
import org.mercato.order.infrastructure.JpaOrderRepository;
import org.mercato.order.infrastructure.PaymentRefundListener;
import org.mercato.platform.money.Money;
import org.mercato.platform.testing.PostgresUnit;

/**
 * The PaymentRefunded consumer's path without a container, on a real PostgreSQL migrated by the service's Flyway
 * scripts: the shared idempotent consumer (event ids in {@code processed_event}) drives
 * {@link PaymentRefundListener#record} over {@link OrderManagement} and {@link JpaOrderRepository}; only the
 * dead-letter queue is replaced, by a list of the reasons messages were parked with.
 */
class PaymentRefundsIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static final OrderPricing PRICING = new OrderPricing("EUR", 495, 5000, Map.of("DE", 1900), false);
    /** 2 x 12.50, 4.95 shipping, 19 % tax added. */
    private static final long TOTAL = 3564;
    private static PostgresUnit db;
    private final List<ConsumerForTests.Parked> parked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("orders-it", "orders", PaymentRefundsIT.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void nothingYet() {
        db.inTransaction(em -> em.createNativeQuery("truncate order_transition, order_line, customer_order,"
                + " processed_event").executeUpdate());
    }

    /** A paid order (payment {@code pay-1}) saved, as placing leaves it. */
    private static UUID paidOrder() {
        UUID id = UUID.randomUUID();
        db.inTransaction(em -> {
            Order order = new Order(id, new Customer("alice", "alice@example.com", "Alice"), "cart-" + id, 1,
                    List.of(new OrderLine("MUG", "Mug", 2, new Money(1250, "EUR"))), PRICING, new ShippingAddress(
                            "Alice", "1 Main St", null, "Berlin", "10115", "DE"),
                    "key-" + id, "hash", CLOCK
                            .instant());
            order.markPaid("pay-1", CLOCK.instant());
            new JpaOrderRepository(em).add(order);
        });
        return id;
    }

    private static OrderManagement management(jakarta.persistence.EntityManager em) {
        OrderManagement management = new OrderManagement();
        management.orders = new JpaOrderRepository(em);
        management.clock = CLOCK;
        return management;
    }

    /** Delivers one message in its own transaction, as the MDB's container does; true if its effect applied. */
    private boolean deliver(TextMessage message) {
        List<Boolean> applied = new ArrayList<>(1);
        db.inTransaction(em -> applied.add(ConsumerForTests.over(em, Clock.systemUTC(), parked).consume(message,
                Topics.ORDERS, 1, event -> PaymentRefundListener.record(management(em), event))));
        return applied.get(0);
    }

    /** The order as a new transaction reads it back from the database. */
    private static Order read(UUID id) {
        List<Order> found = new ArrayList<>(1);
        db.inTransaction(em -> found.add(new JpaOrderRepository(em).find(id).orElseThrow()));
        return found.get(0);
    }

    private static long number(String sql) {
        List<Long> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(((Number) em.createNativeQuery(sql).getSingleResult()).longValue()));
        return result.get(0);
    }

    /** payments' PaymentRefunded body (OutboxPaymentEvents, docs/events.md), written from its contract. */
    private static String refunded(Object orderId, String refundId, long amount, long remaining) {
        return EventJson.write(new PaymentRefunded("pay-1", orderId.toString(), refundId, new MonetaryAmount(amount,
                "EUR"), remaining, remaining == 0 ? "REFUNDED" : "PARTIALLY_REFUNDED", "scratched"));
    }

    /** A TextMessage with the Mercato envelope's properties (docs/events.md). */
    private static TextMessage message(String body) {
        return message(body, 1);
    }

    private static TextMessage message(String body, int schemaVersion) {
        return EventMessages.event("PaymentRefunded", UUID.randomUUID().toString(), schemaVersion,
                "2026-12-01T08:59:59Z", body);
    }

    private static List<Transition> refundSteps(Order order) {
        return order.history().stream().filter(step -> step.refund() != null).toList();
    }

    @Test
    void aPartialRefundIsKeptInTheHistoryAndTheRestMakesTheOrderRefunded() {
        UUID id = paidOrder();
        assertTrue(deliver(message(refunded(id, "r-1", 1000, TOTAL - 1000))));
        Order partly = read(id);
        assertEquals(OrderStatus.PAID, partly.status());
        assertEquals(new Money(1000, "EUR"), partly.refunded());
        assertEquals(TOTAL - 1000, partly.netPaid().amount());
        Transition step = refundSteps(partly).get(0);
        assertEquals(OrderStatus.PAID, step.from());
        assertEquals(OrderStatus.PAID, step.to());
        assertEquals("payments", step.actor());
        assertEquals(new OrderRefund("r-1", new Money(1000, "EUR"), "scratched"), step.refund());
        assertEquals(CLOCK.instant(), step.at());

        assertTrue(deliver(message(refunded(id, "r-2", TOTAL - 1000, 0))));
        Order order = read(id);
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(TOTAL, order.refunded().amount());
        assertEquals(0, order.netPaid().amount());
        assertEquals(List.of("r-1", "r-2"), refundSteps(order).stream().map(s -> s.refund().refundId()).toList());
        assertEquals(OrderStatus.REFUNDED, refundSteps(order).get(1).to());
        assertEquals(TOTAL, number("select refunded from customer_order where id = '" + id + "'"));
        assertEquals(List.of(), parked);
    }

    @Test
    void theSameEventTwiceAndTheSameRefundUnderAnotherEventIdChangeNothing() {
        UUID id = paidOrder();
        TextMessage first = message(refunded(id, "r-1", 1000, TOTAL - 1000));
        assertTrue(deliver(first));
        assertFalse(deliver(first), "a redelivery is recognised by its event id");
        assertTrue(deliver(message(refunded(id, "r-1", 1000, TOTAL - 1000))), "published again: applied ...");
        Order order = read(id);
        assertEquals(1, refundSteps(order).size(), "... but the refund is recorded once");
        assertEquals(1000, order.refunded().amount());
        assertEquals(2, number("select count(*) from processed_event"));
        assertEquals(List.of(), parked);
    }

    @Test
    void theCancelsOwnRefundAnnouncedByPaymentsIsNotCountedTwice() {
        UUID id = paidOrder();
        OrderStore store = new OrderStore(null, new OrderEvents() {
            @Override
            public void placed(Order order) {
            }

            @Override
            public void cancelled(Order order, String reason, String actor, boolean refunded) {
            }
        }, CLOCK);
        db.inTransaction(em -> {
            store.orders = new JpaOrderRepository(em);
            store.cancelled(id, "customer called", "staff@mercato.test");
        });
        db.inTransaction(em -> {
            store.orders = new JpaOrderRepository(em);
            store.refunded(id, new PaymentGateway.Refunded(new OrderRefund("r-1", new Money(TOTAL, "EUR"),
                    "order cancelled: customer called"), true), "staff@mercato.test");
        });
        assertEquals(OrderStatus.REFUNDED, read(id).status());

        assertTrue(deliver(message(refunded(id, "r-1", TOTAL, 0))));
        Order order = read(id);
        assertEquals(1, refundSteps(order).size());
        assertEquals("staff@mercato.test", refundSteps(order).get(0).actor());
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.REFUNDED),
                order.history().stream().map(Transition::to).toList());
        assertEquals(TOTAL, order.refunded().amount());
        assertEquals(List.of(), parked);
    }

    @Test
    void theDatabaseKeepsOneStepPerRefundWhateverTheJavaDoes() {
        UUID id = paidOrder();
        deliver(message(refunded(id, "r-1", 1000, TOTAL - 1000)));
        assertThrows(PersistenceException.class, () -> db.inTransaction(em -> em.createNativeQuery(
                "insert into order_transition (order_id, from_status, to_status, at, actor, refund_id, refund_amount,"
                        + " refund_currency) values ('" + id + "', 'PAID', 'PAID', now(), 'x', 'r-1', 1, 'EUR')")
                .executeUpdate()));
        assertThrows(PersistenceException.class, () -> db.inTransaction(em -> em.createNativeQuery(
                "update customer_order set refunded = total + 1 where id = '" + id + "'").executeUpdate()));
    }

    @Test
    void refundsThatCanNeverApplyAreParkedWithTheirReasonAndOthersOrdersAreIgnored() {
        UUID id = paidOrder();
        assertFalse(deliver(message(refunded(id, "r-1", TOTAL + 1, 0))));
        assertFalse(deliver(message(refunded(id, "r-2", 100, 0).replace("EUR", "USD"))));
        assertFalse(deliver(message(refunded(id, "r-3", 100, 0).replace("\"refundId\"", "\"refund\""))));
        assertFalse(deliver(message(refunded(id, "r-4", 100, 0).replace("{\"amount\":100,", "{\"amount\":1.5,"))));
        assertFalse(deliver(message(refunded(id, "r-5", 100, 0), 2)));
        assertFalse(deliver(message("{\"paymentId\": \"pay-1\", \"orderId\": ")));
        assertEquals(6, parked.size(), parked.toString());
        List<String> expected = List.of("more than the 35.64 EUR left", "is in USD", "refundId is required",
                "body unreadable: amount", "schemaVersion 2 is newer", "body unreadable");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals("mercato.orders", parked.get(i).topic());
            assertTrue(parked.get(i).reason().contains(expected.get(i)), expected.get(i) + " not in: " + parked.get(i));
        }

        // a charge made for no order of this service, and an order this service does not know: nothing to record
        assertTrue(deliver(message(refunded("order-42", "r-6", 100, 0))));
        assertTrue(deliver(message(refunded(UUID.randomUUID(), "r-7", 100, 0))));
        assertTrue(deliver(message(refunded(id, "r-8", 100, 0).replace("pay-1", "pay-late"))));
        assertEquals(6, parked.size());
        Order order = read(id);
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(0, order.refunded().amount());
        assertEquals(0, refundSteps(order).size());
    }
}
