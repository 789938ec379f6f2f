package org.mercato.messaging.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.mercato.messaging.EventHeaders;
import org.mercato.platform.tracing.RequestIds;

/**
 * An event waiting in the producing service's own database to be published: saved in the same transaction as
 * the change it announces, so a change is never committed without its event nor an event sent for a change that
 * rolled back. {@link OutboxRelay} publishes it to the broker afterwards. The table comes with this jar
 * ({@code migration/V1__outbox.sql} here), applied by DatabaseMigrations with its own history table.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    /** The event id, which consumers deduplicate by. */
    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String topic;

    @Column(name = "event_type", nullable = false, length = 100)
    private String eventType;

    @Column(name = "schema_version", nullable = false)
    private int schemaVersion;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, columnDefinition = "text")
    private String payload;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    /** The request id of the change that saved it ({@link RequestIds}), sent as the JMS correlation id. */
    @Column(name = "correlation_id", length = 128)
    private String correlationId;

    protected OutboxMessage() {
        // for JPA
    }

    public static OutboxMessage of(String topic, EventHeaders headers, String jsonPayload) {
        OutboxMessage message = new OutboxMessage();
        message.id = headers.eventId();
        message.topic = topic;
        message.eventType = headers.eventType();
        message.schemaVersion = headers.schemaVersion();
        message.occurredAt = headers.occurredAt().atOffset(ZoneOffset.UTC);
        message.payload = jsonPayload;
        message.nextAttemptAt = message.occurredAt;
        message.correlationId = RequestIds.current().orElse(null);
        return message;
    }

    /** The request id the event was saved under (see {@link RequestIds}), or null. */
    public String correlationId() {
        return correlationId;
    }

    public EventHeaders headers() {
        return new EventHeaders(eventType, id, occurredAt.toInstant(), schemaVersion);
    }

    public UUID id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public String payload() {
        return payload;
    }

    public int attempts() {
        return attempts;
    }

    public boolean isSent() {
        return sentAt != null;
    }

    void sent(Instant now) {
        this.sentAt = now.atOffset(ZoneOffset.UTC);
        this.lastError = null;
    }

    void failed(String error, Instant retryAt) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
        this.nextAttemptAt = retryAt.atOffset(ZoneOffset.UTC);
    }
}
