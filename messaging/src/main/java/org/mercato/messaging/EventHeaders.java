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

    /**
     * Reads the headers back from a received message's properties.
     *
     * @throws IllegalArgumentException naming a missing property, or from parsing a malformed one
     */
    public static EventHeaders from(jakarta.jms.Message message) throws jakarta.jms.JMSException {
        // each missing property named, rather than a NullPointerException's text in a dead letter's reason
        String eventType = present(message.getStringProperty(EVENT_TYPE), EVENT_TYPE);
        String eventId = present(message.getStringProperty(EVENT_ID), EVENT_ID);
        String occurredAt = present(message.getStringProperty(OCCURRED_AT), OCCURRED_AT);
        int schemaVersion;
        try {
            schemaVersion = message.getIntProperty(SCHEMA_VERSION);
        } catch (NumberFormatException | jakarta.jms.MessageFormatException e) {
            throw new IllegalArgumentException(SCHEMA_VERSION + " is missing or not a whole number", e);
        }
        return new EventHeaders(eventType, UUID.fromString(eventId), Instant.parse(occurredAt), schemaVersion);
    }

    private static String present(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    public void writeTo(jakarta.jms.Message message) throws jakarta.jms.JMSException {
        message.setStringProperty(EVENT_TYPE, eventType);
        message.setStringProperty(EVENT_ID, eventId.toString());
        message.setStringProperty(OCCURRED_AT, occurredAt.toString());
        message.setIntProperty(SCHEMA_VERSION, schemaVersion);
    }
}
