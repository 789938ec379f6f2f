package org.mercato.fulfillment.infrastructure;

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

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.DeadLetters;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.messaging.events.ShipmentCreated;
import org.mercato.platform.testing.payara.InPayaraMicro;
import org.mercato.platform.testing.payara.PayaraMicroPlatform;
import org.mercato.platform.testing.payara.TestBroker;

/**
 * The fulfillment WAR on Payara Micro with the Artemis resource adapter, a real broker and PostgreSQL: order events
 * published on {@code mercato.orders} reach its message-driven bean and apply once per event id; what can never
 * apply is parked on {@code DLQ.mercato.orders} with its reason; a failure that passes is redelivered by the broker
 * and applied, one that never passes is dead-lettered after the broker's attempts; and the shipment's
 * ShipmentCreated leaves through the outbox relay on {@code mercato.fulfillment} once committed.
 */
@InPayaraMicro("fulfillment")
class FulfillmentJmsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final OrderCustomer ADA = new OrderCustomer("2f1e", "ada@example.com", "Ada Lovelace");
    private static PayaraMicroPlatform platform;
    private static TestBroker broker;

    /** The WAR as the build packaged it (failsafe runs after {@code package}): what ships is what is tested. */
    @Deployment(testable = false)
    static WebArchive fulfillment() {
        return PayaraMicroPlatform.packagedWar("fulfillment.war");
    }

    @BeforeAll
    static void ready() throws Exception {
        platform = PayaraMicroPlatform.current();
        broker = platform.broker();
        platform.awaitReady(Duration.ofSeconds(120));
        broker.awaitSubscription(Topics.ORDERS, "fulfillment-orders", Duration.ofSeconds(60));
    }

    @Test
    void anOrderPlacedMakesOneShipmentEvenDeliveredTwiceAndItsShipmentCreatedIsPublishedAfterCommit()
            throws Exception {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (MessageConsumer created = broker.subscribe(Topics.FULFILLMENT, "eventType = '" + ShipmentCreated.TYPE
                + "'")) {
            broker.publish(Topics.ORDERS, OrderPlaced.TYPE, eventId, 1, orderPlaced(orderId));
            // the same message again (a redelivery after a lost acknowledgement), then the order republished
            broker.publish(Topics.ORDERS, OrderPlaced.TYPE, eventId, 1, orderPlaced(orderId));
            String republished = broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(orderId));

            TextMessage published = TestBroker.nextAbout(created, orderId, WAIT.toMillis());
            assertNotNull(published, "ShipmentCreated for order " + orderId);
            // sent after the commit: the shipment it announces is there to be read
            assertEquals(1, shipmentsOf(orderId));
            assertEquals(1, published.getIntProperty("schemaVersion"));
            ShipmentCreated body = EventJson.read(published.getText(), ShipmentCreated.CONTRACT);
            assertEquals(orderId, body.orderId());
            eventually(WAIT, "both event ids recorded", () -> platform.number(
                    "select count(*) from processed_event where event_id::text in (?, ?)", eventId,
                    republished) == 2);
            assertNull(TestBroker.nextAbout(created, orderId, 2000), "one shipment, one ShipmentCreated");
        }
        assertEquals(1, shipmentsOf(orderId));
        assertEquals(1, platform.number("select count(*) from processed_event where event_id::text = ?", eventId));
    }

    @Test
    void anOrderCancelledCancelsItsShipment() throws Exception {
        String orderId = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(orderId));
        eventually(WAIT, "a shipment for " + orderId, () -> shipmentsOf(orderId) == 1);
        broker.publish(Topics.ORDERS, OrderCancelled.TYPE, orderCancelled(orderId));
        eventually(WAIT, "the shipment of " + orderId + " cancelled by staff", () -> platform.number(
                "select count(*) from shipment_status_change c join shipment s on s.id = c.shipment_id"
                        + " where s.order_id = ? and c.to_status = 'CANCELLED' and c.actor = 'staff@example.com'",
                orderId) == 1);
    }

    @Test
    void whatCanNeverApplyIsParkedOnTheDeadLetterQueueWithItsReasonAndChangesNothing() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String good = orderPlaced(orderId);
        // the bodies as written by JSON-B (compact), and what the reason must name
        Map<String, String[]> bad = new LinkedHashMap<>();
        bad.put("no lines", new String[]{good.replaceFirst("\"lines\":\\[.*?\\}\\],", "\"lines\":[],"), "lines"});
        bad.put("quantity 0", new String[]{good.replace("\"quantity\":2", "\"quantity\":0"), "quantity"});
        bad.put("quantity 2.5", new String[]{good.replace("\"quantity\":2", "\"quantity\":2.5"), "quantity"});
        bad.put("too many to ship", new String[]{good.replace("\"quantity\":2", "\"quantity\":10001"), orderId});
        bad.put("no email", new String[]{good.replace("\"email\":\"ada@example.com\",", ""), "email"});
        bad.put("no city", new String[]{good.replace("\"city\":\"London\",", ""), "city"});
        bad.put("country not ISO", new String[]{good.replace("\"country\":\"GB\"", "\"country\":\"Britain\""),
                "country"});
        bad.put("sku not text", new String[]{good.replace("\"sku\":\"MC-7KQ2ZP\"", "\"sku\":7"), "sku"});
        bad.put("no orderId", new String[]{good.replace("\"orderId\"", "\"order\""), "orderId"});
        bad.put("not JSON", new String[]{"OrderPlaced " + orderId, "unreadable"});
        Map<String, String> eventIds = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> body : bad.entrySet()) {
            eventIds.put(body.getKey(), broker.publish(Topics.ORDERS, OrderPlaced.TYPE, body.getValue()[0]));
        }
        String newer = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, newer, 2, good);
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, null, 1, good);

        for (Map.Entry<String, String> sent : eventIds.entrySet()) {
            String reason = broker.parkedReason(Topics.ORDERS, "eventId = '" + sent.getValue() + "'");
            assertNotNull(reason, sent.getKey() + " parked");
            assertTrue(reason.contains(bad.get(sent.getKey())[1]), sent.getKey() + ": " + reason);
        }
        assertTrue(broker.parkedReason(Topics.ORDERS, "eventId = '" + newer + "'").contains("schemaVersion 2"));
        assertNotNull(broker.parkedReason(Topics.ORDERS, "eventId IS NULL AND eventType = 'OrderPlaced'"),
                "no event id: parked");
        assertEquals(0, shipmentsOf(orderId));
        assertEquals(0, platform.number("select count(*) from outbox_message where payload::jsonb ->> 'orderId' = ?",
                orderId));

        // the good one still makes its shipment
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, good);
        eventually(WAIT, "a shipment for " + orderId, () -> shipmentsOf(orderId) == 1);
    }

    @Test
    void aFailureThatPassesIsRedeliveredAndAppliedAndOneThatNeverPassesIsDeadLetteredByTheBroker()
            throws Exception {
        String flaky = UUID.randomUUID().toString();
        String broken = UUID.randomUUID().toString();
        // the database refuses the first two attempts at the flaky order's shipment, and every one at the broken
        // order's: a failure the consumer cannot tell from a database outage (a sequence counts the attempts,
        // its numbers are not rolled back)
        platform.execute("create sequence flaky_attempts", "create sequence broken_attempts",
                "create function refuse_shipment() returns trigger language plpgsql as $$ begin"
                        + " if new.order_id = '" + flaky + "' and nextval('flaky_attempts') <= 2"
                        + " or new.order_id = '" + broken + "' and nextval('broken_attempts') > 0 then"
                        + " raise exception 'test: the database refuses this shipment now'; end if;"
                        + " return new; end $$",
                "create trigger refuse_shipment before insert on shipment for each row execute function"
                        + " refuse_shipment()");
        try {
            broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(flaky));
            String brokenEventId = broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(broken));

            eventually(WAIT, "the flaky order's shipment made on the third delivery", () -> shipmentsOf(flaky) == 1);
            assertEquals(3, platform.number("select last_value from flaky_attempts"));

            // the broker's own dead-lettering after its attempts (1 + 2 + 4 + 8 s of back-off): no reason of ours
            try (MessageConsumer dead = broker.deadLetters(Topics.ORDERS, "eventId = '" + brokenEventId + "'")) {
                Message message = dead.receive(60_000);
                assertNotNull(message, "the broken order's OrderPlaced dead-lettered");
                assertNull(message.getStringProperty(DeadLetters.REJECTED_REASON));
                assertEquals(Topics.ORDERS, message.getStringProperty("_AMQ_ORIG_ADDRESS"));
            }
            assertEquals(TestBroker.MAX_DELIVERY_ATTEMPTS, platform.number(
                    "select last_value from broken_attempts"));
            assertEquals(0, shipmentsOf(broken));
            assertEquals(0, platform.number("select count(*) from processed_event where event_id::text = ?",
                    brokenEventId));
        } finally {
            platform.execute("drop trigger refuse_shipment on shipment", "drop function refuse_shipment()");
        }
    }

    private static long shipmentsOf(String orderId) {
        return platform.number("select count(*) from shipment where order_id = ?", orderId);
    }

    /** The reason a message the selector picks was parked with, or null if none arrives. */

    /** The documented OrderPlaced (docs/events.md), written from its contract record as the order service does. */
    static String orderPlaced(String orderId) {
        return EventJson.write(new OrderPlaced(orderId, "b0a4", ADA, List.of(new OrderPlaced.Line("MC-7KQ2ZP",
                "Sonora Crème Headphones 319", 2, eur(17399), eur(34798))), new OrderPlaced.Totals(eur(34798),
                        eur(0), eur(6960), eur(41758), false),
                new PostalAddress("Ada Lovelace", "1 Analytical Row",
                        null, "London", "N1 1AA", "GB"),
                "5b0e", Instant.parse("2026-11-24T10:15:30Z")));
    }

    static String orderCancelled(String orderId) {
        return EventJson.write(new OrderCancelled(orderId, "customer asked", "staff@example.com", true, ADA, List
                .of(new OrderCancelled.Line("MC-7KQ2ZP", 2)), eur(41758), Instant.parse("2026-11-24T11:00:00Z")));
    }

    private static MonetaryAmount eur(long amount) {
        return new MonetaryAmount(amount, "EUR");
    }
}
