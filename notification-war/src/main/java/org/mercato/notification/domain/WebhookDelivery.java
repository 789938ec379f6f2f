package org.mercato.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event on its way to one endpoint: queued ({@code PENDING}) in the transaction that received the event, then
 * POSTed by the dispatcher until the endpoint answers 2xx ({@code DELIVERED}) or the retry window is over
 * ({@code FAILED}, kept and replayable). Each attempt is recorded ({@link WebhookAttempt}): that is the delivery log.
 * <p>
 * An attempt is made under a lease: claiming moves {@code nextAttemptAt} past the attempt's longest possible
 * duration and sets a lease id, so no other dispatcher takes it meanwhile, and one that crashed mid-attempt only
 * delays it. The outcome is recorded only by the holder of the current lease.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public static final int MAX_ERROR = 500;

    @Id
    private UUID id;

    @Column(name = "endpoint_id", nullable = false)
    private UUID endpointId;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "event_type", nullable = false, length = 100)
    private String eventType;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "schema_version", nullable = false)
    private int schemaVersion;

    /** The request body, exactly as sent (and signed) at every attempt. */
    @Column(nullable = false, columnDefinition = "text")
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private WebhookDeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    /** The first attempt since it was queued or replayed: the retry window counts from here. */
    @Column(name = "window_started_at")
    private Instant windowStartedAt;

    /** Attempts before the current window: a replay's back-off starts again at the base. */
    @Column(name = "attempts_before_window", nullable = false)
    private int failuresAtWindowStart;

    /** A UUID as text: EclipseLink's UUID converter fails on a null column. */
    @Column(name = "lease_id", length = 36)
    private String leaseId;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "replay_requested_by", length = 320)
    private String replayRequestedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    protected WebhookDelivery() {
        // for JPA
    }

    /** A new delivery of an event to an endpoint, due at once. */
    public static WebhookDelivery queued(UUID endpointId, UUID eventId, String eventType, Instant occurredAt,
            int schemaVersion, String payload, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.endpointId = endpointId;
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.occurredAt = occurredAt;
        delivery.schemaVersion = schemaVersion;
        delivery.payload = payload;
        delivery.status = WebhookDeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    /**
     * Takes the delivery for one attempt starting now.
     *
     * @param lease the attempt's longest possible duration: nobody else tries it before that has passed
     * @return the lease id the outcome is recorded under
     */
    public UUID claim(Instant now, Duration lease) {
        requireStatus(WebhookDeliveryStatus.PENDING);
        UUID id = UUID.randomUUID();
        leaseId = id.toString();
        nextAttemptAt = now.plus(lease);
        if (windowStartedAt == null) {
            windowStartedAt = now;
        }
        return id;
    }

    /** Whether the outcome of the attempt made under this lease may still be recorded. */
    public boolean holds(UUID lease) {
        return status == WebhookDeliveryStatus.PENDING && lease != null && lease.toString().equals(leaseId);
    }

    /**
     * The outcome of an attempt: DELIVERED on a 2xx answer; otherwise PENDING for the next attempt of the schedule,
     * or FAILED when the window is over.
     *
     * @return the attempt as the log keeps it
     */
    public WebhookAttempt attempted(AttemptResult result, Instant attemptedAt, RetrySchedule schedule,
            RandomGenerator random) {
        requireStatus(WebhookDeliveryStatus.PENDING);
        attempts++;
        leaseId = null;
        lastStatusCode = result.statusCode();
        lastError = cut(result.error());
        String replayedBy = replayRequestedBy;
        replayRequestedBy = null;
        if (result.delivered()) {
            moveTo(WebhookDeliveryStatus.DELIVERED);
            deliveredAt = attemptedAt.plus(result.duration());
            failedAt = null;
        } else {
            Optional<Instant> next = schedule.next(failuresSinceWindowStart(), attemptedAt, windowStartedAt == null
                    ? attemptedAt
                    : windowStartedAt, random);
            if (next.isPresent()) {
                moveTo(WebhookDeliveryStatus.PENDING);
                nextAttemptAt = next.get();
            } else {
                moveTo(WebhookDeliveryStatus.FAILED);
                failedAt = attemptedAt;
            }
        }
        return WebhookAttempt.of(id, attemptedAt, result, status, replayedBy);
    }

    /**
     * Staff ask for one more attempt now: a DELIVERED or FAILED delivery becomes PENDING with a new retry window; a
     * PENDING one is made due now (unless an attempt is under way, whose outcome then counts).
     *
     * @param actor who asked, recorded with the attempt that follows
     */
    public void replay(Instant now, String actor) {
        if (status != WebhookDeliveryStatus.PENDING) {
            moveTo(WebhookDeliveryStatus.PENDING);
            windowStartedAt = null;
            failuresAtWindowStart = attempts;
            failedAt = null;
            leaseId = null;
            nextAttemptAt = now;
        } else if (leaseId == null) {
            nextAttemptAt = now;
        }
        replayRequestedBy = actor == null ? null : actor.substring(0, Math.min(320, actor.length()));
    }

    private int failuresSinceWindowStart() {
        return attempts - failuresAtWindowStart;
    }

    private void moveTo(WebhookDeliveryStatus target) {
        if (!status.mayMoveTo(target)) {
            throw new IllegalStateException("delivery " + id + " cannot go from " + status + " to " + target);
        }
        status = target;
    }

    private void requireStatus(WebhookDeliveryStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not " + expected);
        }
    }

    private static String cut(String text) {
        return text == null ? null : text.substring(0, Math.min(MAX_ERROR, text.length()));
    }

    public UUID id() {
        return id;
    }

    public UUID endpointId() {
        return endpointId;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String payload() {
        return payload;
    }

    public WebhookDeliveryStatus status() {
        return status;
    }

    /** Attempts made so far, replays included. */
    public int attempts() {
        return attempts;
    }

    /** When the next attempt is due (for a PENDING delivery), else null. */
    public Instant nextAttemptAt() {
        return status == WebhookDeliveryStatus.PENDING ? nextAttemptAt : null;
    }

    public Integer lastStatusCode() {
        return lastStatusCode;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant failedAt() {
        return failedAt;
    }

    /**
     * What one attempt came to.
     *
     * @param statusCode the HTTP status of the answer, or null when there was none (connection refused, timeout)
     * @param error why it failed (null for a 2xx)
     */
    public record AttemptResult(Integer statusCode, String error, Duration duration) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        public static AttemptResult answered(int statusCode, Duration duration) {
            return new AttemptResult(statusCode, statusCode >= 200 && statusCode < 300
                    ? null
                    : "HTTP " + statusCode, duration);
        }

        public static AttemptResult noAnswer(String error, Duration duration) {
            return new AttemptResult(null, error, duration);
        }
    }
}
