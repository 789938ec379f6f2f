package org.mercato.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.mercato.messaging.events.EventContract;
import org.mercato.messaging.events.EventJson;

/**
 * A message as a consumer sees it: the envelope's headers (DESIGN §3) and the JSON text of its body, read into the
 * event's contract record with {@link #body(EventContract)}.
 */
public record ReceivedEvent(EventHeaders headers, String json) {

    /**
     * Reads a message whose body shape this consumer knows up to {@code newestSchemaVersion}.
     *
     * @throws RejectedMessageException if a header is missing or malformed, the body is not text, or the schema
     *             version is newer than this consumer understands
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
        if (!(message instanceof TextMessage text)) {
            throw new RejectedMessageException("the body must be JSON text");
        }
        try {
            return new ReceivedEvent(headers, text.getText());
        } catch (JMSException e) {
            throw new RejectedMessageException("the body is unreadable: " + e.getMessage(), e);
        }
    }

    /** The event's type, from its envelope. */
    public String eventType() {
        return headers.eventType();
    }

    /**
     * The body as the contract's record.
     *
     * @throws RejectedMessageException if the event is of another type, of a newer schema version than the
     *             contract, or its body does not have the contract's shape (the reason says which field)
     */
    public <T> T body(EventContract<T> contract) {
        if (!contract.eventType().equals(headers.eventType())) {
            throw new RejectedMessageException("expected " + contract.eventType() + ", got " + headers.eventType());
        }
        if (headers.schemaVersion() > contract.schemaVersion()) {
            throw new RejectedMessageException(headers.eventType() + " schemaVersion " + headers.schemaVersion()
                    + " is newer than this consumer understands (" + contract.schemaVersion() + ")");
        }
        return EventJson.read(json, contract);
    }
}
