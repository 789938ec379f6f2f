package org.mercato.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One POST of a delivery, as the delivery log shows it: when, how long it took, the HTTP status or the error, and
 * the status it left the delivery in; {@code replayedBy} names the staff member whose replay asked for it.
 */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    private UUID id;

    @Column(name = "delivery_id", nullable = false)
    private UUID deliveryId;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(length = WebhookDelivery.MAX_ERROR)
    private String error;

    @Enumerated(EnumType.STRING)
    @Column(name = "resulting_status", nullable = false, length = 10)
    private WebhookDeliveryStatus resultingStatus;

    @Column(name = "replayed_by", length = 320)
    private String replayedBy;

    protected WebhookAttempt() {
        // for JPA
    }

    static WebhookAttempt of(UUID deliveryId, Instant attemptedAt, WebhookDelivery.AttemptResult result,
            WebhookDeliveryStatus resultingStatus, String replayedBy) {
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = deliveryId;
        attempt.attemptedAt = attemptedAt;
        attempt.durationMillis = Math.max(0, result.duration().toMillis());
        attempt.statusCode = result.statusCode();
        String error = result.error();
        attempt.error = error == null ? null : error.substring(0, Math.min(WebhookDelivery.MAX_ERROR, error.length()));
        attempt.resultingStatus = resultingStatus;
        attempt.replayedBy = replayedBy;
        return attempt;
    }

    public UUID id() {
        return id;
    }

    public UUID deliveryId() {
        return deliveryId;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public String error() {
        return error;
    }

    public WebhookDeliveryStatus resultingStatus() {
        return resultingStatus;
    }

    public String replayedBy() {
        return replayedBy;
    }
}
