package org.mercato.inventory.infrastructure;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.TextMessage;

/** TextMessages as the broker delivers them, with the Mercato envelope's properties (docs/events.md). */
final class EventMessages {

    private EventMessages() {
    }

    static TextMessage message(String eventType, String body) {
        return message(eventType, UUID.randomUUID().toString(), 1, body);
    }

    /** A message whose eventId (or schemaVersion) may be null, i.e. absent. */
    static TextMessage message(String eventType, String eventId, Integer schemaVersion, String body) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eventType", eventType);
        properties.put("occurredAt", "2026-12-01T09:00:00Z");
        if (eventId != null) {
            properties.put("eventId", eventId);
        }
        if (schemaVersion != null) {
            properties.put("schemaVersion", schemaVersion);
        }
        return (TextMessage) Proxy.newProxyInstance(EventMessages.class.getClassLoader(),
                new Class<?>[]{TextMessage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> body;
                    case "getStringProperty" -> (String) properties.get(args[0]);
                    case "getObjectProperty" -> properties.get(args[0]);
                    // as JMS does: an absent int property reads as Integer.valueOf(null), a NumberFormatException
                    case "getIntProperty" -> {
                        if (properties.get(args[0]) == null) {
                            throw new NumberFormatException("null");
                        }
                        yield properties.get(args[0]);
                    }
                    case "getPropertyNames" -> Collections.enumeration(properties.keySet());
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> eventType + " " + properties.get("eventId");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
