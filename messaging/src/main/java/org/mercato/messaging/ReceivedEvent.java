package org.mercato.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** A message as a consumer sees it: the envelope's headers (DESIGN §3) and the JSON body. */
public record ReceivedEvent(EventHeaders headers, JsonObject body) {

    /**
     * Reads a message whose body shape this consumer knows up to {@code newestSchemaVersion}.
     *
     * @throws RejectedMessageException if a header is missing or malformed, the body is not a JSON object, or the
     *             schema version is newer than this consumer understands
     */
    public static ReceivedEvent read(Message message, int newestSchemaVersion) {
        EventHeaders headers;
        try {
            headers = EventHeaders.from(message);
        } catch (JMSException | RuntimeException e) {
            throw new RejectedMessageException("missing or malformed envelope properties (eventType, eventId,"
                    + " occurredAt, schemaVersion): " + e.getMessage(), e);
        }
        if (headers.schemaVersion() > newestSchemaVersion) {
            throw new RejectedMessageException(headers.eventType() + " schemaVersion " + headers.schemaVersion()
                    + " is newer than this consumer understands (" + newestSchemaVersion + ")");
        }
        try {
            return new ReceivedEvent(headers, JsonBodies.read(message));
        } catch (JMSException | JsonException e) {
            throw new RejectedMessageException("the body is not a JSON object: " + e.getMessage(), e);
        }
    }

    /** A required string field of the body. */
    public String string(String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw new RejectedMessageException(headers.eventType() + " has no " + name);
        }
        return text.getString();
    }

    /** An optional string field of the body, or null. */
    public String optionalString(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw new RejectedMessageException(headers.eventType() + ": " + name + " must be a string");
        }
        return text.getString();
    }

    /** A required whole number of the body. */
    public long number(String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new RejectedMessageException(headers.eventType() + ": " + name + " must be a whole number");
        }
        return number.longValue();
    }

    /** A required object of the body. */
    public JsonObject object(String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonObject object)) {
            throw new RejectedMessageException(headers.eventType() + " has no object " + name);
        }
        return object;
    }
}
