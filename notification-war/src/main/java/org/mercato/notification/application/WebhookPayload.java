package org.mercato.notification.application;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import org.mercato.messaging.EventHeaders;

/**
 * The body of every delivery (docs/webhooks.md): the event's envelope and its JSON body exactly as published,
 *
 * <pre>
 * {"id": "&lt;eventId&gt;", "type": "OrderPlaced", "occurredAt": "2026-11-24T10:15:30Z", "schemaVersion": 1,
 *  "data": {...the event's body...}}
 * </pre>
 *
 * so the signature covers the event's id and type as well as its data.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    /**
     * @param body the event's JSON body as received
     * @throws IllegalArgumentException when the body is not one JSON object
     */
    public static String envelope(EventHeaders headers, String body) {
        String data = body == null ? "" : body.strip();
        try (JsonParser parser = Json.createParser(new StringReader(data))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new IllegalArgumentException("the body is not a JSON object");
            }
            parser.skipObject();
            if (parser.hasNext()) {
                throw new IllegalArgumentException("the body holds more than one JSON value");
            }
        } catch (JsonException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage(), e);
        }
        // the event's type is a contract name, its id a UUID and its time ISO-8601: nothing to escape
        return "{\"id\":\"" + headers.eventId() + "\",\"type\":" + Json.createValue(headers.eventType()).toString()
                + ",\"occurredAt\":\"" + headers.occurredAt() + "\",\"schemaVersion\":" + headers.schemaVersion()
                + ",\"data\":" + data + "}";
    }
}
