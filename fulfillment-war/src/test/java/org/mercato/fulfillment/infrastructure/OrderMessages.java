package org.mercato.fulfillment.infrastructure;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.TextMessage;

/** JMS text messages as the order service's relay sends them (envelope properties and a JSON body), without a broker. */
final class OrderMessages {

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

    static String orderPlaced(String orderId) {
        return """
                {"orderId": "%s", "cartId": "b0a4",
                 "customer": {"id": "2f1e", "email": "ada@example.com", "name": "Ada Lovelace"},
                 "lines": [{"sku": "MC-7KQ2ZP", "name": "Sonora Crème Headphones 319", "quantity": 2,
                            "unitPrice": {"amount": 17399, "currency": "EUR"},
                            "total": {"amount": 34798, "currency": "EUR"}}],
                 "totals": {"subtotal": {"amount": 34798, "currency": "EUR"},
                            "shipping": {"amount": 0, "currency": "EUR"}, "tax": {"amount": 6960, "currency": "EUR"},
                            "total": {"amount": 41758, "currency": "EUR"}},
                 "shippingAddress": {"name": "Ada Lovelace", "line1": "1 Analytical Row", "line2": null,
                                     "city": "London", "postalCode": "N1 1AA", "country": "GB"},
                 "paymentId": "5b0e", "placedAt": "2026-11-24T10:15:30Z"}
                """.formatted(orderId);
    }

    static String orderCancelled(String orderId) {
        return """
                {"orderId": "%s", "reason": "customer asked", "cancelledBy": "staff@example.com", "refunded": true,
                 "customer": {"id": "2f1e", "email": "ada@example.com", "name": "Ada Lovelace"},
                 "lines": [{"sku": "MC-7KQ2ZP", "quantity": 2}], "total": {"amount": 41758, "currency": "EUR"},
                 "cancelledAt": "2026-11-24T11:00:00Z"}
                """.formatted(orderId);
    }
}
