package org.mercato.inventory.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercato.platform.testing.payara.PayaraMicroPlatform.eventually;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.messaging.events.ProductChanged;
import org.mercato.messaging.events.StockAdjusted;
import org.mercato.messaging.events.StockAvailabilityChanged;
import org.mercato.messaging.events.StockLow;
import org.mercato.platform.testing.payara.InPayaraMicro;
import org.mercato.platform.testing.payara.PayaraMicroPlatform;
import org.mercato.platform.testing.payara.TestBroker;

/**
 * The inventory WAR on Payara Micro with the Artemis resource adapter, a real broker and PostgreSQL: the stock feed
 * ({@code StockAdjusted} on {@code mercato.inventory}) applies once per event id and parks what can never apply
 * with its reason; a SKU coming back or running low is announced through the outbox relay; OrderPlaced commits an
 * order's reservation and OrderCancelled gives its units back, a failure that passes being redelivered by the
 * broker; demo products ({@code ProductChanged}, origin demo) get their first stock.
 */
@InPayaraMicro(value = "inventory", settings = "mercato.inventory.demo-stock=true")
class InventoryJmsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PayaraMicroPlatform platform;
    private static TestBroker broker;

    /** The WAR as the build packaged it (failsafe runs after {@code package}): what ships is what is tested. */
    @Deployment(testable = false)
    static WebArchive inventory() {
        return PayaraMicroPlatform.packagedWar("inventory.war");
    }

    @BeforeAll
    static void ready() throws Exception {
        platform = PayaraMicroPlatform.current();
        broker = platform.broker();
        platform.awaitReady(Duration.ofSeconds(120));
        broker.awaitSubscription(Topics.ORDERS, "inventory-orders", Duration.ofSeconds(60));
        broker.awaitSubscription(Topics.INVENTORY, "inventory-stock-feed", Duration.ofSeconds(60));
        broker.awaitSubscription(Topics.CATALOG, "inventory-demo-stock", Duration.ofSeconds(60));
    }

    @Test
    void theStockFeedAppliesOncePerEventIdAndTheSkuComingBackAndRunningLowIsPublishedThroughTheOutbox()
            throws Exception {
        String sku = newSku();
        try (MessageConsumer news = broker.subscribe(Topics.INVENTORY, "eventType IN ('"
                + StockAvailabilityChanged.TYPE + "', '" + StockLow.TYPE + "')")) {
            String eventId = UUID.randomUUID().toString();
            broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, eventId, 1, adjusted(sku, 10, null));
            // the same message again (a redelivery after a lost acknowledgement)
            broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, eventId, 1, adjusted(sku, 10, null));

            TextMessage back = TestBroker.nextAbout(news, sku, WAIT.toMillis());
            assertNotNull(back, "StockAvailabilityChanged for " + sku);
            assertEquals(StockAvailabilityChanged.TYPE, back.getStringProperty("eventType"));
            // sent after the commit: the stock it announces is there to be read
            assertEquals(10, onHand(sku));
            StockAvailabilityChanged body = EventJson.read(back.getText(), StockAvailabilityChanged.CONTRACT);
            assertEquals(new StockAvailabilityChanged(sku, true, 10L), body);
            eventually(WAIT, "the event id recorded", () -> platform.number(
                    "select count(*) from processed_event where event_id::text = ?", eventId) == 1);

            broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, adjusted(sku, -8, null));
            TextMessage low = TestBroker.nextAbout(news, sku, WAIT.toMillis());
            assertNotNull(low, "StockLow for " + sku);
            assertEquals(new StockLow(sku, 2L, 5L), EventJson.read(low.getText(), StockLow.CONTRACT));
            assertNull(TestBroker.nextAbout(news, sku, 1000), "one message per change of news");
        }
        assertEquals(2, onHand(sku));
        assertEquals(2, platform.number("select count(*) from stock_movement where sku = ? and kind = 'ADJUST'",
                sku));
        assertEquals(1, platform.number(
                "select count(*) from stock_movement where sku = ? and actor = 'stock feed' and quantity = 10", sku));
    }

    @Test
    void aPlacedOrderCommitsItsReservationOnceAndItsCancellationPutsTheUnitsBack() throws Exception {
        String sku = newSku();
        String orderId = UUID.randomUUID().toString();
        hold(orderId, sku, 5, 2);
        String eventId = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, eventId, 1, orderPlaced(orderId, sku, 2));
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, eventId, 1, orderPlaced(orderId, sku, 2));
        eventually(WAIT, "the reservation of " + orderId + " committed", () -> status(orderId).equals("COMMITTED"));
        eventually(WAIT, "the event id recorded", () -> platform.number(
                "select count(*) from processed_event where event_id::text = ?", eventId) == 1);
        assertEquals(3, onHand(sku));
        assertEquals(0, platform.number("select reserved from stock_level where sku = ?", sku));
        assertEquals(1, platform.number("select count(*) from stock_movement where sku = ? and kind = 'COMMIT'",
                sku));

        broker.publish(Topics.ORDERS, OrderCancelled.TYPE, orderCancelled(orderId, sku, 2));
        eventually(WAIT, "the units of cancelled order " + orderId + " back", () -> onHand(sku) == 5);
    }

    @Test
    void whatCanNeverApplyIsParkedOnTheDeadLetterQueueWithItsReasonAndChangesNothing() throws Exception {
        String sku = newSku();
        // each message on the stock feed, and what the reason it is parked with must say
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, adjusted(sku, 3, "NOWHERE")),
                "unknown warehouse NOWHERE");
        reasons.put(broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, adjusted(sku, -1, null)), "of SKU " + sku
                + " available, 1 wanted");
        reasons.put(broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, adjusted(sku, 3, null).replace(
                "\"quantity\":3", "\"quantity\":2.5")), "quantity");
        reasons.put(broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, adjusted(sku, 3, null).replace(
                "\"quantity\":3", "\"quantity\":3000000000")), "whole number");
        reasons.put(broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, adjusted(sku, 3, null).replace("\"sku\"",
                "\"article\"")), "sku");
        reasons.put(broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, "StockAdjusted " + sku + " +3"),
                "unreadable");
        String newer = UUID.randomUUID().toString();
        broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, newer, 2, adjusted(sku, 3, null));
        reasons.put(newer, "schemaVersion 2");
        broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, null, 1, adjusted(sku, 4, null));

        for (Map.Entry<String, String> expected : reasons.entrySet()) {
            String reason = broker.parkedReason(Topics.INVENTORY, "eventId = '" + expected.getKey() + "'");
            assertNotNull(reason, expected.getValue());
            assertTrue(reason.contains(expected.getValue()), expected.getValue() + " not in: " + reason);
        }
        assertTrue(broker.parkedReason(Topics.INVENTORY, "eventId IS NULL AND eventType = 'StockAdjusted'").contains(
                "eventId"));

        // on the orders' subscription: an order id that cannot be a reservation's, a newer OrderPlaced
        String badOrder = broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced("../" + sku, sku, 1));
        String newerOrder = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, newerOrder, 2, orderPlaced(sku, sku, 1));
        assertTrue(broker.parkedReason(Topics.ORDERS, "eventId = '" + badOrder + "'").contains("orderId"));
        assertTrue(broker.parkedReason(Topics.ORDERS, "eventId = '" + newerOrder + "'").contains("schemaVersion 2"));

        assertEquals(0, platform.number("select count(*) from stock_level where sku = ?", sku));
        assertEquals(0, platform.number("select count(*) from stock_movement where sku = ?", sku));
        // the good one still applies
        broker.publish(Topics.INVENTORY, StockAdjusted.TYPE, adjusted(sku, 3, null));
        eventually(WAIT, "3 units of " + sku, () -> onHand(sku) == 3);
    }

    @Test
    void aCommitTheDatabaseRefusesTwiceIsRedeliveredByTheBrokerAndApplied() throws Exception {
        String sku = newSku();
        String orderId = UUID.randomUUID().toString();
        hold(orderId, sku, 4, 1);
        // the database refuses the first two attempts at the commit (a failure the consumer cannot tell from a
        // database outage); a sequence counts the attempts, its numbers are not rolled back
        platform.execute("create sequence commit_attempts",
                "create function refuse_commit() returns trigger language plpgsql as $$ begin"
                        + " if new.order_id = '" + orderId + "' and new.status = 'COMMITTED'"
                        + " and nextval('commit_attempts') <= 2 then"
                        + " raise exception 'test: the database refuses this commit now'; end if;"
                        + " return new; end $$",
                "create trigger refuse_commit before update on reservation for each row execute function"
                        + " refuse_commit()");
        try {
            String eventId = broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(orderId, sku, 1));
            eventually(WAIT, "the reservation committed on the third delivery", () -> status(orderId).equals(
                    "COMMITTED"));
            assertEquals(3, platform.number("select last_value from commit_attempts"));
            assertEquals(3, onHand(sku));
            assertEquals(1, platform.number("select count(*) from processed_event where event_id::text = ?",
                    eventId));
        } finally {
            platform.execute("drop trigger refuse_commit on reservation", "drop function refuse_commit()");
        }
    }

    @Test
    void aDemoProductsSkusGetTheirFirstStockAndAStaffProductsNone() throws Exception {
        String demo = newSku();
        String stocked = newSku();
        String staff = newSku();
        platform.execute("insert into stock_level (sku, warehouse, on_hand, updated_at) values ('" + stocked
                + "', 'MAIN', 7, now())");
        broker.publish(Topics.CATALOG, ProductChanged.TYPE, productChanged(ProductChanged.DEMO, demo, stocked));
        broker.publish(Topics.CATALOG, ProductChanged.TYPE, productChanged(null, staff));
        eventually(WAIT, "demo stock for " + demo, () -> platform.number(
                "select count(*) from stock_level where sku = ?", demo) == 1);
        assertEquals(DemoStockListener.demoQuantity(demo), onHand(demo));
        assertEquals(7, onHand(stocked), "a SKU stocked already is never touched");
        // the staff product was sent after the demo one, on the same subscription: by now it was passed over
        Thread.sleep(1000);
        assertEquals(0, platform.number("select count(*) from stock_level where sku = ?", staff));
    }

    private static String newSku() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static long onHand(String sku) {
        return platform.number("select sum(on_hand) from stock_level where sku = ?", sku);
    }

    private static String status(String orderId) {
        try (var connection = platform.database().getConnection();
                var statement = connection.prepareStatement("select status from reservation where order_id = ?")) {
            statement.setString(1, orderId);
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : "none";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stock of the SKU and the order's hold on some of it, as the order service's reservation leaves them. */
    private static void hold(String orderId, String sku, int onHand, int quantity) {
        platform.execute("insert into stock_level (sku, warehouse, on_hand, reserved, updated_at) values ('" + sku
                + "', 'MAIN', " + onHand + ", " + quantity + ", now())",
                "insert into reservation (order_id, status, expires_at, created_at, updated_at) values ('" + orderId
                        + "', 'HELD', now() + interval '1 hour', now(), now())",
                "insert into reservation_line (order_id, sku, warehouse, quantity) values ('" + orderId + "', '"
                        + sku + "', 'MAIN', " + quantity + ")");
    }

    /** The reason a message the selector picks was parked with, or null if none arrives. */

    private static String adjusted(String sku, long quantity, String warehouse) {
        return EventJson.write(new StockAdjusted(sku, quantity, warehouse, "counted", null));
    }

    private static final OrderCustomer ADA = new OrderCustomer("2f1e", "ada@example.com", "Ada Lovelace");

    private static String orderPlaced(String orderId, String sku, int quantity) {
        MonetaryAmount total = eur(10000L * quantity);
        return EventJson.write(new OrderPlaced(orderId, "b0a4", ADA, List.of(new OrderPlaced.Line(sku, "Headphones",
                quantity, eur(10000), total)), new OrderPlaced.Totals(total, eur(0), eur(0), total, true),
                new PostalAddress("Ada Lovelace", "1 Analytical Row", null, "London", "N1 1AA", "GB"), "5b0e",
                Instant.parse("2026-11-24T10:15:30Z")));
    }

    private static String orderCancelled(String orderId, String sku, int quantity) {
        return EventJson.write(new OrderCancelled(orderId, "customer asked", "staff@example.com", true, ADA, List.of(
                new OrderCancelled.Line(sku, quantity)), eur(10000L * quantity),
                Instant.parse("2026-11-24T11:00:00Z")));
    }

    private static String productChanged(String origin, String... skus) {
        return EventJson.write(new ProductChanged(UUID.randomUUID().toString(), 1L, "p-" + skus[0].toLowerCase(),
                "Headphones " + skus[0], "ACTIVE", null, null, origin, Instant.now(), java.util.Arrays.stream(skus)
                        .map(sku -> new ProductChanged.Variant(sku, eur(10000), null)).toList()));
    }

    private static MonetaryAmount eur(long amount) {
        return new MonetaryAmount(amount, "EUR");
    }
}
