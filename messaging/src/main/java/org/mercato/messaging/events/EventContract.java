package org.mercato.messaging.events;

import java.util.Objects;

/**
 * What identifies one event contract on the wire: its {@code eventType} header, its {@code schemaVersion} header,
 * the topic it is published on and the record its JSON body maps to.
 *
 * @param <T> the body's record
 */
public record EventContract<T>(String eventType, int schemaVersion, String topic, Class<T> body) {

    public EventContract {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(body, "body");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion starts at 1");
        }
    }

    /** The name of the body's JSON Schema among the published schemas, e.g. {@code OrderPlaced.v1.json}. */
    public String schemaFile() {
        return eventType + ".v" + schemaVersion + ".json";
    }
}
