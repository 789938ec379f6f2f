package org.mercato.inventory.infrastructure;

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
        return org.mercato.platform.testing.EventMessages.event(eventType, eventId, schemaVersion,
                "2026-12-01T09:00:00Z", body);
    }
}
