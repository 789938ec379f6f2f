package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The events the services publish keep their contracts (docs/schemas, docs/asyncapi.yaml). This class runs after
 * every other system test ({@code junit-platform.properties} orders classes by {@link Order}), so its last check
 * covers every event published during the whole run ({@link EventRecorder}); its own shop activity makes sure
 * each event type a service publishes is among them. A consumer given a newer body version than it knows parks
 * the message on the dead-letter queue with the reason, and applies nothing.
 */
@ExtendWith(PlatformExtension.class)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventContractsIT {

    /** What the services publish; StockAdjusted comes from outside systems. */
    static final List<String> PUBLISHED_BY_SERVICES = List.of("ProductChanged", "StockAvailabilityChanged",
            "StockLow", "OrderPlaced", "OrderCancelled", "PaymentRefunded", "ShipmentCreated", "ShipmentDispatched");

    private static String staff;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    /** Events of the type received valid whose body mentions the text (an order id, a SKU). */
    private static boolean seen(String eventType, String text) {
        return PlatformExtension.events().received().stream().anyMatch(event -> event.eventType().equals(eventType)
                && event.body().contains(text));
    }

    @Test
    @Order(1)
    void aNewerBodyVersionIsParkedWithItsReasonByEveryConsumerAndAppliesNothing() throws Exception {
        String customer = UserApiIT.newSignedInCustomer().getString("access_token");
        String sku = Products.stockedSku("Versioned vase", 2_500, 5, staff);
        String cart = OrderFlowIT.cartWith(customer, Map.of(sku, 1));
        String orderId = "order-" + UUID.randomUUID();
        // a v2 body this release does not know, otherwise shaped as v1
        String body = SampleEvents.orderPlaced(orderId, cart, sku, 1);
        String eventId = UUID.randomUUID().toString();
        try (BrokerClient broker = new BrokerClient();
                MessageConsumer parked = broker.deadLetters("DLQ.mercato.orders", "eventId = '" + eventId + "'")) {
            broker.publish("mercato.orders", "OrderPlaced", 2, body, eventId, Instant.now());
            // inventory, notification, fulfillment, analytics and cart each consume OrderPlaced
            List<String> reasons = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (reasons.size() < 5 && System.nanoTime() < deadline) {
                Message message = parked.receive(1_000);
                if (message != null) {
                    reasons.add(BrokerClient.property(message, "mercatoRejectedReason"));
                }
            }
            assertTrue(reasons.size() >= 5, "each consumer parks its copy: " + reasons);
            for (String reason : reasons) {
                assertTrue(reason != null && reason.contains("schemaVersion 2") && reason.contains("newer"),
                        "the reason says why: " + reason);
            }
        }
        assertEquals(1, http().get("/cart/api/carts/" + cart, customer).json().getInt("itemCount"),
                "the cart was not emptied by an event nobody could read");
        assertTrue(http().get("/fulfillment/api/shipments?orderId=" + orderId, staff).json().getJsonArray("items")
                .isEmpty(), "no shipment for it");
    }

    @Test
    @Order(2)
    void eachEventTypeTheServicesPublishIsSentAsItsSchemaSays() {
        String customer = UserApiIT.newSignedInCustomer().getString("access_token");
        // 6 units: the product and its stock (ProductChanged, StockAvailabilityChanged)
        String sku = Products.stockedSku("Contract lamp", 4_900, 6, staff);
        // 2 sold: below the low-stock threshold of 5 (StockLow); OrderPlaced, then a shipment
        Http.Reply first = OrderFlowIT.place(customer, UUID.randomUUID().toString(), OrderFlowIT.cartWith(customer,
                Map.of(sku, 2)), "tok_visa");
        assertEquals(201, first.status(), first.body());
        String shipped = first.json().getString("id");
        Eventually.within(Duration.ofSeconds(60), "a shipment for the first order", () -> !http().get(
                "/fulfillment/api/shipments?orderId=" + shipped, staff).json().getJsonArray("items").isEmpty());
        String shipment = http().get("/fulfillment/api/shipments?orderId=" + shipped, staff).json().getJsonArray(
                "items").getJsonObject(0).getString("id");
        for (String step : List.of("pick", "pack", "dispatch")) {
            Http.Reply reply = http().post("/fulfillment/api/shipments/" + shipment + "/" + step, "{}", staff);
            assertEquals(200, reply.status(), step + ": " + reply.body());
        }
        // the other 4 sold (sold out), then cancelled and refunded: OrderCancelled, PaymentRefunded
        Http.Reply second = OrderFlowIT.place(customer, UUID.randomUUID().toString(), OrderFlowIT.cartWith(customer,
                Map.of(sku, 4)), "tok_visa");
        assertEquals(201, second.status(), second.body());
        String cancelled = second.json().getString("id");
        Http.Reply cancel = http().post("/orders/api/orders/" + cancelled + "/cancel", "{\"reason\":\"contract\"}",
                staff);
        assertEquals(200, cancel.status(), cancel.body());

        Map<String, String> expected = Map.of("ProductChanged", sku, "StockAvailabilityChanged", sku, "StockLow",
                sku, "OrderPlaced", shipped, "ShipmentCreated", shipped, "ShipmentDispatched", shipped,
                "OrderCancelled", cancelled, "PaymentRefunded", cancelled);
        assertEquals(new TreeSet<>(PUBLISHED_BY_SERVICES), new TreeSet<>(expected.keySet()));
        try {
            Eventually.within(Duration.ofSeconds(60), "every event type received valid", () -> expected.entrySet()
                    .stream().allMatch(entry -> seen(entry.getKey(), entry.getValue())));
        } catch (AssertionError late) {
            throw new AssertionError(late.getMessage() + "; missing: " + expected.entrySet().stream().filter(
                    entry -> !seen(entry.getKey(), entry.getValue())).map(Map.Entry::getKey).toList()
                    + "; violations: " + PlatformExtension.events().violations() + "; received so far: "
                    + PlatformExtension.events().received().size(), late);
        }
        assertEquals(List.of(), PlatformExtension.events().violations(), "events that broke their contract");
    }

    /** Runs last of all: every event the services published during the whole run kept its contract. */
    @Test
    @Order(3)
    void everyEventPublishedDuringTheSystemTestsKeptItsContract() {
        Set<String> types = new TreeSet<>();
        for (String type : PUBLISHED_BY_SERVICES) {
            if (PlatformExtension.events().valid(type) > 0) {
                types.add(type);
            }
        }
        assertEquals(new TreeSet<>(PUBLISHED_BY_SERVICES), types, "every type was checked at least once");
        assertEquals(List.of(), PlatformExtension.events().violations(), "events that broke their contract");
        System.out.println("[events] valid events per type: " + PUBLISHED_BY_SERVICES.stream().map(type -> type
                + "=" + PlatformExtension.events().valid(type)).toList() + ", reconnected "
                + PlatformExtension.events().reconnects() + " times after a broker restart");
    }
}
