package org.mercato.platform.testing;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import jakarta.jms.TextMessage;

/**
 * A received {@code TextMessage} for unit tests of a consumer's reading, without a broker: the JSON body and the
 * envelope's properties (eventType, eventId, occurredAt, schemaVersion; docs/events.md). Only what consumers read
 * is answered: the text, the properties (an absent int property is a {@link NumberFormatException}, as JMS
 * says), their names and the correlation id (none); anything else is an {@link UnsupportedOperationException}.
 * The wiring itself is tested on a real broker in the in-container tests.
 */
public final class EventMessages {

    private EventMessages() {
    }

    /**
     * @param eventId null for a message without one
     * @param schemaVersion null for a message without one
     */
    public static TextMessage event(String eventType, String eventId, Integer schemaVersion, String occurredAt,
            String body) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eventType", eventType);
        properties.put("occurredAt", occurredAt);
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
                    case "getIntProperty" -> {
                        if (properties.get(args[0]) == null) {
                            throw new NumberFormatException("null");
                        }
                        yield properties.get(args[0]);
                    }
                    case "getPropertyNames" -> Collections.enumeration(properties.keySet());
                    case "getJMSCorrelationID" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> eventType + " " + properties.get("eventId");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
