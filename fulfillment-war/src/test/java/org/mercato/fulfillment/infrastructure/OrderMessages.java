package org.mercato.fulfillment.infrastructure;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.TextMessage;

import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;

/** JMS text messages as the order service's relay sends them (envelope properties and a JSON body), without a broker. */
final class OrderMessages {

    private static final OrderCustomer ADA = new OrderCustomer("2f1e", "ada@example.com", "Ada Lovelace");

    private OrderMessages() {
    }

    static TextMessage message(String eventType, UUID eventId, int schemaVersion, String body) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (eventType != null) {
            properties.put("eventType", eventType);
        }
        if (eventId != null) {
            properties.put("eventId", eventId.toString());
        }
        properties.put("occurredAt", "2026-11-24T10:15:30Z");
        properties.put("schemaVersion", schemaVersion);
        return (TextMessage) Proxy.newProxyInstance(OrderMessages.class.getClassLoader(),
                new Class<?>[]{TextMessage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> body;
                    case "getStringProperty" -> properties.get((String) args[0]) == null
                            ? null
                            : String.valueOf(properties.get((String) args[0]));
                    case "getIntProperty" -> {
                        Object value = properties.get((String) args[0]);
                        if (value == null) {
                            // what a JMS provider does for a missing int property
                            throw new NumberFormatException("no property " + args[0]);
                        }
                        yield ((Number) value).intValue();
                    }
                    case "getObjectProperty" -> properties.get((String) args[0]);
                    case "getPropertyNames" -> Collections.enumeration(properties.keySet());
                    case "toString" -> eventType + " " + eventId;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

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
