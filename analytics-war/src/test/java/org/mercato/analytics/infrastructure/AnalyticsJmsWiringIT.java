package org.mercato.analytics.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercato.platform.testing.payara.PayaraMicroPlatform.eventually;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.platform.testing.payara.InPayaraMicro;
import org.mercato.platform.testing.payara.PayaraMicroPlatform;
import org.mercato.platform.testing.payara.TestBroker;

/**
 * The analytics WAR on Payara Micro with the Artemis resource adapter, a real broker and PostgreSQL: OrderPlaced,
 * PaymentRefunded and OrderCancelled published on {@code mercato.orders} reach its message-driven bean and count
 * once per event id, a refund before its order waits for it, what can never apply is parked on
 * {@code DLQ.mercato.orders} with its reason, and a failure that passes is redelivered by the broker and applied.
 */
@InPayaraMicro("analytics")
class AnalyticsJmsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PayaraMicroPlatform platform;
    private static TestBroker broker;

    /** The WAR as the build packaged it (failsafe runs after {@code package}): what ships is what is tested. */
    @Deployment(testable = false)
    static WebArchive analytics() {
        return PayaraMicroPlatform.packagedWar("analytics.war");
    }

    @BeforeAll
    static void ready() throws Exception {
        platform = PayaraMicroPlatform.current();
        broker = platform.broker();
        platform.awaitReady(Duration.ofSeconds(120));
        broker.awaitSubscription(Topics.ORDERS, "analytics-orders", Duration.ofSeconds(60));
    }

    private static long standingRevenue(String orderId) {
        return platform.number("select sum(total - refunded) from sale_order where not cancelled and order_id = ?",
                orderId);
    }

    @Test
    void theDocumentedEventsRecordASaleTakeARefundOffAndCancelItEachEventCountingOnce() throws Exception {
        String orderId = "o-" + UUID.randomUUID();
        String placedId = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, placedId, 1, OrderEventSamples.orderPlaced(orderId));
        eventually(WAIT, "the sale of " + orderId, () -> standingRevenue(orderId) == 41758);
        // the same message again (a redelivery after a lost acknowledgement), then the order republished
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, placedId, 1, OrderEventSamples.orderPlaced(orderId));
        String republished = broker.publish(Topics.ORDERS, OrderPlaced.TYPE, OrderEventSamples.orderPlaced(orderId));
        String refundId = UUID.randomUUID().toString();
        String refunded = broker.publish(Topics.ORDERS, PaymentRefunded.TYPE, OrderEventSamples.paymentRefunded(
                orderId, "r-" + refundId, 2000));
        broker.publish(Topics.ORDERS, PaymentRefunded.TYPE, refunded, 1, OrderEventSamples.paymentRefunded(orderId,
                "r-" + refundId, 2000));
        eventually(WAIT, "every event id recorded", () -> platform.number(
                "select count(*) from processed_event where event_id::text in (?, ?, ?)", placedId, republished,
                refunded) == 3);
        eventually(WAIT, "the refund taken off", () -> standingRevenue(orderId) == 39758);
        assertEquals(1, platform.number("select count(*) from sale_order where order_id = ?", orderId));
        assertEquals(2, platform.number("select sum(quantity) from sale_line where order_id = ?", orderId));
        assertEquals(1, platform.number("select count(*) from sale_refund where order_id = ?", orderId));

        broker.publish(Topics.ORDERS, OrderCancelled.TYPE, OrderEventSamples.orderCancelled(orderId));
        eventually(WAIT, "the sale cancelled", () -> platform.number(
                "select count(*) from sale_order where cancelled and order_id = ?", orderId) == 1);
        assertEquals(0, standingRevenue(orderId));
    }

    @Test
    void aRefundBeforeItsOrderIsKeptAndAppliedWhenTheOrderArrives() throws Exception {
        String orderId = "o-" + UUID.randomUUID();
        broker.publish(Topics.ORDERS, PaymentRefunded.TYPE, OrderEventSamples.paymentRefunded(orderId, "r-" + UUID
                .randomUUID(), 1758));
        eventually(WAIT, "the refund kept", () -> platform.number(
                "select count(*) from sale_refund where order_id = ?", orderId) == 1);
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, OrderEventSamples.orderPlaced(orderId));
        eventually(WAIT, "the sale less its refund", () -> standingRevenue(orderId) == 40000);
    }

    @Test
    void whatCanNeverApplyIsParkedOnTheDeadLetterQueueWithItsReasonAndChangesNothing() throws Exception {
        String orderId = "o-" + UUID.randomUUID();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, OrderEventSamples.orderPlaced(orderId));
        eventually(WAIT, "the sale of " + orderId, () -> standingRevenue(orderId) == 41758);

        // each message, and what the reason it is parked with must say
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(broker.publish(Topics.ORDERS, OrderPlaced.TYPE, OrderEventSamples.orderPlaced("o-2").replace(
                "\"orderId\"", "\"order\"")), "OrderPlaced v1 body unreadable: orderId is required");
        reasons.put(broker.publish(Topics.ORDERS, OrderPlaced.TYPE, OrderEventSamples.orderPlaced("o-3").replace(
                "\"amount\":6960", "\"amount\":6961")), "subtotal + shipping + tax is not the total");
        String newer = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, newer, 2, OrderEventSamples.orderPlaced("o-4"));
        reasons.put(newer, "schemaVersion 2 is newer");
        reasons.put(broker.publish(Topics.ORDERS, OrderPlaced.TYPE, "not json"),
                "OrderPlaced v1 body unreadable: not JSON (Unexpected char");
        reasons.put(broker.publish(Topics.ORDERS, PaymentRefunded.TYPE, OrderEventSamples.paymentRefunded(orderId,
                "r-" + UUID.randomUUID(), 41759)), "more than the 417.58 EUR of order " + orderId);
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, null, 1, OrderEventSamples.orderPlaced("o-5"));

        for (Map.Entry<String, String> expected : reasons.entrySet()) {
            String reason = broker.parkedReason(Topics.ORDERS, "eventId = '" + expected.getKey() + "'");
            assertNotNull(reason, expected.getValue());
            assertTrue(reason.contains(expected.getValue()), expected.getValue() + " not in: " + reason);
        }
        assertTrue(broker.parkedReason(Topics.ORDERS, "eventId IS NULL AND eventType = 'OrderPlaced'")
                .contains("envelope"));
        assertEquals(0, platform.number("select count(*) from sale_order where order_id in ('o-2', 'o-3', 'o-4',"
                + " 'o-5')"));
        assertEquals(0, platform.number("select count(*) from sale_refund where order_id = ?", orderId));
        assertEquals(41758, standingRevenue(orderId));
    }

    @Test
    void aFailureThatPassesIsRedeliveredByTheBrokerAndApplied() throws Exception {
        String orderId = "o-" + UUID.randomUUID();
        // the database refuses the first two attempts at the sale (a failure the consumer cannot tell from a
        // database outage); a sequence counts the attempts, its numbers are not rolled back
        platform.execute("create sequence sale_attempts",
                "create function refuse_sale() returns trigger language plpgsql as $$ begin"
                        + " if new.order_id = '" + orderId + "' and nextval('sale_attempts') <= 2 then"
                        + " raise exception 'test: the database refuses this sale now'; end if;"
                        + " return new; end $$",
                "create trigger refuse_sale before insert on sale_order for each row execute function refuse_sale()");
        try {
            String eventId = broker.publish(Topics.ORDERS, OrderPlaced.TYPE, OrderEventSamples.orderPlaced(orderId));
            eventually(WAIT, "the sale recorded on the third delivery", () -> standingRevenue(orderId) == 41758);
            assertEquals(3, platform.number("select last_value from sale_attempts"));
            assertEquals(1, platform.number("select count(*) from processed_event where event_id::text = ?",
                    eventId));
        } finally {
            platform.execute("drop trigger refuse_sale on sale_order", "drop function refuse_sale()");
        }
    }

    /** The reason a message the selector picks was parked with, or null if none arrives. */
}
