package org.mercato.fulfillment.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.fulfillment.FulfillmentTestDatabase;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.ConsumerForTests;
import org.mercato.messaging.consumer.ConsumerForTests.Parked;

/**
 * OrderPlaced and OrderCancelled through the listener's effect and the real idempotent consumer, on a real
 * PostgreSQL: each event id applies once, a second event for the same order adds nothing, and a message that can
 * never make a shipment is parked with its reason having changed nothing.
 */
class OrderEventsConsumerIT {

    private static FulfillmentTestDatabase fulfillment;
    private final List<Parked> parked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fulfillment = new FulfillmentTestDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        fulfillment.close();
    }

    @BeforeEach
    void nothingParked() {
        parked.clear();
    }

    /** What OrderEventsListener.onMessage does, in one transaction as the container's. */
    private boolean deliver(Message message) {
        return fulfillment.withEntityManager(em -> ConsumerForTests.over(em, Clock.systemUTC(), parked)
                .consume(message, Topics.ORDERS, OrderEventsListener.SCHEMA_VERSION,
                        event -> OrderEventsListener.apply(event, fulfillment.service(em))));
    }

    private static long shipmentsOf(String orderId) {
        return fulfillment.count("select count(*) from shipment where order_id = ?1", orderId);
    }

    private static String statusOf(String orderId) {
        return fulfillment.withEntityManager(em -> (String) em.createNativeQuery(
                "select status from shipment where order_id = ?1").setParameter(1, orderId).getSingleResult());
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneShipment() {
        String orderId = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        Message placed = OrderMessages.message("OrderPlaced", eventId, 1, OrderMessages.orderPlaced(orderId));
        assertTrue(deliver(placed));
        assertFalse(deliver(placed), "a redelivery is recognised by its event id");
        assertEquals(1, shipmentsOf(orderId));
        assertEquals(1, fulfillment.outbox("ShipmentCreated", orderId).size());
        assertEquals(1, fulfillment.count("select count(*) from processed_event where event_id = ?1", eventId));
        assertEquals(List.of(), parked);
    }

    @Test
    void anotherOrderPlacedForTheSameOrderAddsNothing() {
        String orderId = UUID.randomUUID().toString();
        assertTrue(deliver(OrderMessages.message("OrderPlaced", UUID.randomUUID(), 1,
                OrderMessages.orderPlaced(orderId))));
        // a republished event has a new id: the order's one shipment stops it
        assertTrue(deliver(OrderMessages.message("OrderPlaced", UUID.randomUUID(), 1,
                OrderMessages.orderPlaced(orderId))));
        assertEquals(1, shipmentsOf(orderId));
        assertEquals(1, fulfillment.outbox("ShipmentCreated", orderId).size());
    }

    @Test
    void orderCancelledCancelsTheOpenShipment() {
        String orderId = UUID.randomUUID().toString();
        deliver(OrderMessages.message("OrderPlaced", UUID.randomUUID(), 1, OrderMessages.orderPlaced(orderId)));
        assertTrue(deliver(OrderMessages.message("OrderCancelled", UUID.randomUUID(), 1,
                OrderMessages.orderCancelled(orderId))));
        assertEquals("CANCELLED", statusOf(orderId));
        assertEquals(1, fulfillment.count("select count(*) from shipment_status_change c join shipment s on"
                + " s.id = c.shipment_id where s.order_id = ?1 and c.to_status = 'CANCELLED' and c.actor ="
                + " 'staff@example.com'", orderId));
        assertEquals(List.of(), parked);
    }

    @Test
    void aMessageThatCanNeverMakeAShipmentIsParkedWithItsReasonAndChangesNothing() {
        String orderId = UUID.randomUUID().toString();
        String good = OrderMessages.orderPlaced(orderId);
        // the bodies as written by JSON-B: compact, no spaces
        Map<String, String> bad = Map.of(
                "no lines", good.replaceFirst("\"lines\":\\[.*?\\}\\],", "\"lines\":[],"),
                "quantity 0", good.replace("\"quantity\":2", "\"quantity\":0"),
                "quantity 2.5", good.replace("\"quantity\":2", "\"quantity\":2.5"),
                "no email", good.replace("\"email\":\"ada@example.com\",", ""),
                "no address", good.replace("\"shippingAddress\"", "\"address\""),
                "no city", good.replace("\"city\":\"London\",", ""),
                "country not ISO", good.replace("\"country\":\"GB\"", "\"country\":\"Britain\""),
                "sku not text", good.replace("\"sku\":\"MC-7KQ2ZP\"", "\"sku\":7"),
                "no orderId", good.replace("\"orderId\"", "\"order\""),
                "not JSON", "OrderPlaced " + orderId);
        for (Map.Entry<String, String> body : bad.entrySet()) {
            parked.clear();
            assertFalse(deliver(OrderMessages.message("OrderPlaced", UUID.randomUUID(), 1, body.getValue())),
                    body.getKey());
            assertEquals(1, parked.size(), body.getKey());
            assertEquals("mercato.orders", parked.get(0).topic());
            assertFalse(parked.get(0).reason().isBlank());
        }
        // a newer body version than this consumer knows, and a message without an event id
        List<Message> unreadable = new ArrayList<>(List.of(
                OrderMessages.message("OrderPlaced", UUID.randomUUID(), 2, good),
                OrderMessages.message("OrderPlaced", null, 1, good),
                OrderMessages.message("OrderShipped", UUID.randomUUID(), 1, good)));
        for (Message message : unreadable) {
            parked.clear();
            assertFalse(deliver(message));
            assertEquals(1, parked.size(), String.valueOf(message));
        }
        assertEquals(0, shipmentsOf(orderId));
        assertEquals(0, fulfillment.outbox("ShipmentCreated", orderId).size());

        // the good one still makes its shipment
        assertTrue(deliver(OrderMessages.message("OrderPlaced", UUID.randomUUID(), 1, good)));
        assertEquals(1, shipmentsOf(orderId));
    }

    @Test
    void aReasonNamesWhatIsWrong() {
        String orderId = UUID.randomUUID().toString();
        // refused by the contract record: the reason names the field
        deliver(OrderMessages.message("OrderPlaced", UUID.randomUUID(), 1, OrderMessages.orderPlaced(orderId)
                .replace("\"quantity\":2", "\"quantity\":0")));
        assertEquals(1, parked.size());
        assertTrue(parked.get(0).reason().contains("quantity"), parked.get(0).reason());
        // refused by the shipment: the reason names the field and the order
        parked.clear();
        deliver(OrderMessages.message("OrderPlaced", UUID.randomUUID(), 1, OrderMessages.orderPlaced(orderId)
                .replace("\"quantity\":2", "\"quantity\":10001")));
        assertEquals(1, parked.size());
        assertTrue(parked.get(0).reason().contains("quantity"), parked.get(0).reason());
        assertTrue(parked.get(0).reason().contains(orderId), parked.get(0).reason());
        assertEquals(0, shipmentsOf(orderId));
    }
}
