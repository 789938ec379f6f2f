package org.mercato.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventHeadersTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void everyNewEventGetsItsOwnId() {
        EventHeaders a = EventHeaders.newEvent("OrderPlaced", 1, NOW);
        EventHeaders b = EventHeaders.newEvent("OrderPlaced", 1, NOW);
        assertNotEquals(a.eventId(), b.eventId());
        assertEquals("OrderPlaced", a.eventType());
    }

    @Test
    void refusesIncompleteHeaders() {
        assertThrows(NullPointerException.class, () -> new EventHeaders(null, UUID.randomUUID(), NOW, 1));
        assertThrows(IllegalArgumentException.class, () -> new EventHeaders(" ", UUID.randomUUID(), NOW, 1));
        assertThrows(IllegalArgumentException.class, () -> new EventHeaders("X", UUID.randomUUID(), NOW, 0));
    }

    @Test
    void namesTheFourTopics() {
        assertEquals(4, Topics.all().length);
        assertEquals("mercato.orders", Topics.ORDERS);
    }

    /** A message whose properties are those given (only the property readers are answered). */
    private static jakarta.jms.Message message(java.util.Map<String, Object> properties) {
        return (jakarta.jms.Message) java.lang.reflect.Proxy.newProxyInstance(getLoader(), new Class<?>[]{
                jakarta.jms.Message.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getStringProperty" -> (String) properties.get(args[0]);
                    case "getIntProperty" -> {
                        Object value = properties.get(args[0]);
                        if (!(value instanceof Integer number)) {
                            throw new NumberFormatException("null");
                        }
                        yield number;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClassLoader getLoader() {
        return EventHeadersTest.class.getClassLoader();
    }

    @Test
    void aMissingPropertyIsNamed() throws Exception {
        java.util.Map<String, Object> complete = java.util.Map.of("eventType", "OrderPlaced", "eventId", UUID
                .randomUUID().toString(), "occurredAt", Instant.now().toString(), "schemaVersion", 1);
        assertEquals("OrderPlaced", EventHeaders.from(message(complete)).eventType());
        for (String name : complete.keySet()) {
            java.util.Map<String, Object> without = new java.util.HashMap<>(complete);
            without.remove(name);
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> EventHeaders
                    .from(message(without)));
            assertEquals(true, missing.getMessage().startsWith(name + " is missing"), missing.getMessage());
        }
    }
}
