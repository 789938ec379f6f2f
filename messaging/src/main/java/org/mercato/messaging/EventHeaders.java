package org.mercato.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The properties every Mercato message carries next to its JSON body (DESIGN §3). Consumers deduplicate by
 * {@code eventId}; {@code schemaVersion} lets a consumer refuse a body it does not understand.
 */
public record EventHeaders(String eventType, UUID eventId, Instant occurredAt, int schemaVersion) {

    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_ID = "eventId";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String SCHEMA_VERSION = "schemaVersion";

    public EventHeaders {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (eventType.isBlank()) {
            throw new IllegalArgumentException("eventType must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion starts at 1");
        }
    }

    public static EventHeaders newEvent(String eventType, int schemaVersion, Instant now) {
        return new EventHeaders(eventType, UUID.randomUUID(), now, schemaVersion);
    }

    /** Reads the headers back from a received message's properties. */
    public static EventHeaders from(jakarta.jms.Message message) throws jakarta.jms.JMSException {
        return new EventHeaders(message.getStringProperty(EVENT_TYPE),
                UUID.fromString(message.getStringProperty(EVENT_ID)),
                Instant.parse(message.getStringProperty(OCCURRED_AT)),
                message.getIntProperty(SCHEMA_VERSION));
    }

    public void writeTo(jakarta.jms.Message message) throws jakarta.jms.JMSException {
        message.setStringProperty(EVENT_TYPE, eventType);
        message.setStringProperty(EVENT_ID, eventId.toString());
        message.setStringProperty(OCCURRED_AT, occurredAt.toString());
        message.setIntProperty(SCHEMA_VERSION, schemaVersion);
    }
}
