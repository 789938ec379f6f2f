package org.mercato.analytics.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.analytics.application.SalesFactService;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.ConsumerForTests;
import org.mercato.messaging.consumer.IdempotentConsumer;
import org.mercato.platform.testing.PostgresUnit;

/**
 * The listener's path without a container: the shared {@link IdempotentConsumer} and {@link ProcessedEvents} (wired
 * by hand over the test's EntityManager) drive {@link OrderEventsListener#record} on a real PostgreSQL; only the
 * dead-letter queue is replaced, by a list of the reasons messages were parked with.
 */
class OrderEventsListenerIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static PostgresUnit db;
    private final List<ConsumerForTests.Parked> parked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("analytics-it", "analytics", OrderEventsListenerIT.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void nothingYet() {
        db.inTransaction(em -> em.createNativeQuery("truncate sale_line, sale_order, sale_refund, sale_cancellation,"
                + " processed_event").executeUpdate());
    }

    /** Delivers one message in its own transaction, as the MDB's container does; true if its effect applied. */
    private boolean deliver(Message message) {
        List<Boolean> applied = new ArrayList<>(1);
        db.inTransaction(em -> {
            SalesFactService sales = new SalesFactService(new JpaSaleRepository(em), CLOCK);
            applied.add(consumer(em).consume(message, Topics.ORDERS, OrderEventsListener.SCHEMA_VERSION,
                    event -> OrderEventsListener.record(sales, CLOCK, event)));
        });
        return applied.get(0);
    }

    private IdempotentConsumer consumer(EntityManager em) {
        return ConsumerForTests.over(em, Clock.systemUTC(), parked);
    }

    /** A TextMessage with the Mercato envelope's properties (docs/events.md). */
    private static TextMessage message(String eventType, UUID eventId, int schemaVersion, String body) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eventType", eventType);
        properties.put("eventId", eventId == null ? null : eventId.toString());
        properties.put("occurredAt", "2026-11-24T10:15:31Z");
        properties.put("schemaVersion", schemaVersion);
        return (TextMessage) Proxy.newProxyInstance(OrderEventsListenerIT.class.getClassLoader(),
                new Class<?>[]{TextMessage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> body;
                    case "getStringProperty" -> (String) properties.get(args[0]);
                    case "getObjectProperty" -> properties.get(args[0]);
                    case "getIntProperty" -> (Integer) properties.get(args[0]);
                    case "getPropertyNames" -> Collections.enumeration(properties.keySet());
                    case "toString" -> eventType + " " + eventId;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static TextMessage message(String eventType, String body) {
        return message(eventType, UUID.randomUUID(), 1, body);
    }

    private static long number(String sql) {
        List<Long> result = new ArrayList<>(1);
        db.inTransaction(em -> {
            Object value = em.createNativeQuery(sql).getSingleResult();
            result.add(value == null ? 0 : ((Number) value).longValue());
        });
        return result.get(0);
    }

    private static long standingRevenue() {
        return number("select sum(total - refunded) from sale_order where not cancelled");
    }

    @Test
    void theDocumentedEventsRecordASaleTakeARefundOffAndCancelIt() {
        assertTrue(deliver(message("OrderPlaced", OrderEventSamples.orderPlaced("o-1"))));
        assertEquals(41758, standingRevenue());
        assertEquals(2, number("select sum(quantity) from sale_line where order_id = 'o-1'"));

        assertTrue(deliver(message("PaymentRefunded", OrderEventSamples.paymentRefunded("o-1", "r-1", 2000))));
        assertEquals(39758, standingRevenue());

        assertTrue(deliver(message("OrderCancelled", OrderEventSamples.orderCancelled("o-1"))));
        assertEquals(0, standingRevenue());
        assertEquals(1, number("select count(*) from sale_order where cancelled"));
        assertEquals(List.of(), parked);
        assertEquals(3, number("select count(*) from processed_event"));
    }

    @Test
    void theSameEventTwiceAndASecondOrderPlacedForTheOrderCountOnce() {
        TextMessage placed = message("OrderPlaced", OrderEventSamples.orderPlaced("o-1"));
        assertTrue(deliver(placed));
        assertFalse(deliver(placed), "a redelivery is recognised by its event id");
        // published again under a new event id: applied, but the order is a sale already
        assertTrue(deliver(message("OrderPlaced", OrderEventSamples.orderPlaced("o-1"))));

        TextMessage refunded = message("PaymentRefunded", OrderEventSamples.paymentRefunded("o-1", "r-1", 1000));
        assertTrue(deliver(refunded));
        assertFalse(deliver(refunded));

        assertEquals(1, number("select count(*) from sale_order"));
        assertEquals(1, number("select count(*) from sale_line"));
        assertEquals(40758, standingRevenue());
        assertEquals(3, number("select count(*) from processed_event"));
        assertEquals(List.of(), parked);
    }

    @Test
    void messagesThatCanNeverApplyAreParkedWithTheirReasonAndChangeNothing() {
        deliver(message("OrderPlaced", OrderEventSamples.orderPlaced("o-1")));
        long before = standingRevenue();

        assertFalse(deliver(message("OrderPlaced", OrderEventSamples.orderPlaced("o-2").replace("\"orderId\"",
                "\"order\""))));
        assertFalse(deliver(message("OrderPlaced", OrderEventSamples.orderPlaced("o-3").replace("\"amount\":6960",
                "\"amount\":6961"))));
        assertFalse(deliver(message("OrderPlaced", UUID.randomUUID(), 2, OrderEventSamples.orderPlaced("o-4"))));
        assertFalse(deliver(message("OrderPlaced", "not json")));
        assertFalse(deliver(message("OrderPlaced", null, 1, OrderEventSamples.orderPlaced("o-5"))));
        assertFalse(deliver(message("PaymentRefunded", OrderEventSamples.paymentRefunded("o-1", "r-1", 41759))));
        assertFalse(deliver(message("OrderShipped", "{\"orderId\": \"o-1\"}")));

        assertEquals(7, parked.size(), parked.toString());
        List<String> expected = List.of("OrderPlaced v1 body unreadable: orderId is required",
                "subtotal + shipping + tax is not the total", "schemaVersion 2 is newer",
                "OrderPlaced v1 body unreadable: Unexpected char", "envelope",
                "more than the 417.58 EUR of order o-1",
                "does not consume OrderShipped");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals("mercato.orders", parked.get(i).topic());
            assertTrue(parked.get(i).reason().contains(expected.get(i)), expected.get(i) + " not in: " + parked.get(i));
        }
        assertEquals(1, number("select count(*) from sale_order"));
        assertEquals(0, number("select count(*) from sale_refund"));
        assertEquals(before, standingRevenue());
    }

    @Test
    void aRefundBeforeItsOrderIsKeptAndAppliedWhenTheOrderArrives() {
        assertTrue(deliver(message("PaymentRefunded", OrderEventSamples.paymentRefunded("o-1", "r-1", 1758))));
        assertEquals(0, number("select count(*) from sale_order"));
        assertTrue(deliver(message("OrderPlaced", OrderEventSamples.orderPlaced("o-1"))));
        assertEquals(40000, standingRevenue());
        assertEquals(List.of(), parked);
    }
}
