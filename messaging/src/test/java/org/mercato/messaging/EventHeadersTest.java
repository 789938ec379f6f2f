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
}
