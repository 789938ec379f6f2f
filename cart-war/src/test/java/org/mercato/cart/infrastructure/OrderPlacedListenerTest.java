package org.mercato.cart.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.mercato.cart.application.CartService;
import org.mercato.messaging.consumer.DeadLetters;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;

/**
 * OrderPlaced empties its cart; a message that is not an OrderPlaced of a known version is parked on
 * DLQ.mercato.orders with its reason.
 */
class OrderPlacedListenerTest {

    private final List<String> emptied = new ArrayList<>();
    private final Map<String, String> parked = new HashMap<>();
    private final OrderPlacedListener listener = new OrderPlacedListener();

    OrderPlacedListenerTest() {
        listener.carts = new CartService() {
            @Override
            public void orderPlaced(String cartId) {
                emptied.add(cartId);
            }
        };
        listener.deadLetters = new DeadLetters() {
            @Override
            public void park(jakarta.jms.Message message, String topic, String reason) {
                parked.put(message.toString(), topic + ": " + reason);
            }
        };
    }

    private static String orderPlaced(String cartId) {
        MonetaryAmount eur = new MonetaryAmount(1250L, "EUR");
        MonetaryAmount none = new MonetaryAmount(0L, "EUR");
        return EventJson.write(new OrderPlaced("order-1", cartId, new OrderCustomer("alice", null, null), List.of(
                new OrderPlaced.Line("MUG", "Mug", 1, eur, eur)), new OrderPlaced.Totals(eur, none, none, eur, true),
                new PostalAddress("Alice", "1 Main St", null, "Berlin", "10115", "DE"), "pay-1", Instant.parse(
                        "2026-12-01T09:00:00Z")));
    }

    /** A TextMessage with the Mercato envelope's properties (docs/events.md). */
    private static TextMessage message(String eventType, int schemaVersion, String body) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eventType", eventType);
        properties.put("eventId", UUID.randomUUID().toString());
        properties.put("occurredAt", "2026-12-01T09:00:01Z");
        properties.put("schemaVersion", schemaVersion);
        return (TextMessage) Proxy.newProxyInstance(OrderPlacedListenerTest.class.getClassLoader(),
                new Class<?>[]{TextMessage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> body;
                    case "getStringProperty" -> (String) properties.get(args[0]);
                    case "getObjectProperty" -> properties.get(args[0]);
                    case "getIntProperty" -> (Integer) properties.get(args[0]);
                    case "getPropertyNames" -> Collections.enumeration(properties.keySet());
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> eventType + " " + properties.get("eventId");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theOrdersCartIsEmptiedAndAnOrderFromNoCartEmptiesNone() {
        listener.onMessage(message("OrderPlaced", 1, orderPlaced("cart-7")));
        listener.onMessage(message("OrderPlaced", 1, orderPlaced(null)));
        assertEquals(List.of("cart-7"), emptied);
    }

    @Test
    void unreadableOrderPlacedMessagesAreParkedWithTheirReason() {
        Map<TextMessage, String> refused = Map.of(
                message("OrderPlaced", 1, orderPlaced("cart-7").replace("\"orderId\":\"order-1\"",
                        "\"orderId\":null")),
                "orderId",
                message("OrderPlaced", 1, "{\"cartId\": \"cart-7\""), "unreadable",
                message("OrderPlaced", 2, orderPlaced("cart-7")), "schemaVersion 2 is newer",
                message("OrderCancelled", 1, orderPlaced("cart-7")), "expected OrderPlaced");
        refused.forEach((message, reason) -> {
            listener.onMessage(message);
            String parkedAs = parked.get(message.toString());
            assertTrue(parkedAs != null && parkedAs.startsWith("mercato.orders: ") && parkedAs.contains(reason),
                    reason + " not in: " + parkedAs);
        });
        assertEquals(refused.size(), parked.size(), "each refused message parked once");
        assertEquals(List.of(), emptied, "a refused message empties no cart");
    }
}
