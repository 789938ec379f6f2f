package org.mercato.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An address staff registered to receive events over HTTP: the event types it wants ({@code *} for all), whether
 * it is enabled, and the secret its deliveries are signed with ({@link WebhookSignature}). After a rotation the old
 * secret stays valid for a grace period, so deliveries carry signatures with both and the receiver can switch
 * without losing one.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    /** Subscribes to every event type. */
    public static final String EVERY_TYPE = "*";
    public static final int MAX_DESCRIPTION = 500;

    @Id
    private UUID id;

    @Column(nullable = false, length = WebhookUrl.MAX_LENGTH)
    private String url;

    /** Comma-separated; event type names are identifiers and never hold a comma. */
    @Column(name = "event_types", nullable = false, length = 1000)
    private String eventTypes;

    @Column(length = MAX_DESCRIPTION)
    private String description;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(name = "previous_secret", length = 100)
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WebhookEndpoint() {
        // for JPA
    }

    /**
     * A new, enabled endpoint with a new secret.
     *
     * @param eventTypes already checked against the known types ({@link #checkedTypes})
     */
    public static WebhookEndpoint register(String url, Collection<String> eventTypes, String description,
            Instant now) {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.url = WebhookUrl.checked(url).toString();
        endpoint.eventTypes = String.join(",", eventTypes);
        endpoint.description = checkedDescription(description);
        endpoint.enabled = true;
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        return endpoint;
    }

    /**
     * The event types of a request, each a known type or {@code *}, duplicates dropped, in the order given; just
     * {@code *} when it is among them.
     *
     * @throws WebhookException {@code INVALID} on {@code eventTypes}: empty, or naming an unknown type
     */
    public static List<String> checkedTypes(Collection<String> requested, Set<String> known) {
        if (requested == null || requested.isEmpty()) {
            throw WebhookException.invalid("eventTypes", "must name at least one event type (or \"*\" for all)");
        }
        if (requested.size() > 50) {
            throw WebhookException.invalid("eventTypes", "must name at most 50 event types");
        }
        Set<String> types = new LinkedHashSet<>();
        int index = 0;
        for (String type : requested) {
            if (type == null || (!type.equals(EVERY_TYPE) && !known.contains(type))) {
                // the value is not echoed: it could be anything
                throw WebhookException.invalid("eventTypes[" + index + "]", "is not an event type Mercato publishes;"
                        + " known types: " + String.join(", ", new java.util.TreeSet<>(known))
                        + ", or \"*\" for all");
            }
            types.add(type);
            index++;
        }
        // "*" takes in every type: the others beside it would say nothing more
        return types.contains(EVERY_TYPE) ? List.of(EVERY_TYPE) : new ArrayList<>(types);
    }

    private static String checkedDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw WebhookException.invalid("description", "must have at most " + MAX_DESCRIPTION + " characters");
        }
        return description.strip();
    }

    /** Whether a delivery of this event type goes here (enabled or not). */
    public boolean subscribesTo(String eventType) {
        List<String> types = eventTypes();
        return types.contains(EVERY_TYPE) || types.contains(eventType);
    }

    /** Changes what is given; null leaves a value as it is (a blank description removes it). */
    public void change(String newUrl, List<String> newEventTypes, Boolean newEnabled, String newDescription,
            Instant now) {
        if (newUrl != null) {
            url = WebhookUrl.checked(newUrl).toString();
        }
        if (newEventTypes != null) {
            eventTypes = String.join(",", newEventTypes);
        }
        if (newEnabled != null) {
            enabled = newEnabled;
        }
        if (newDescription != null) {
            description = checkedDescription(newDescription);
        }
        updatedAt = now;
    }

    /**
     * A new secret; the current one stays valid for {@code grace} (one that was still in its grace period is
     * dropped: only the newest two are ever valid).
     *
     * @return the new secret, shown once
     */
    public String rotateSecret(Duration grace, Instant now) {
        previousSecret = secret;
        previousSecretExpiresAt = now.plus(grace);
        secret = WebhookSignature.newSecret();
        updatedAt = now;
        return secret;
    }

    /** The secrets deliveries are signed with now: the current one, then the previous one in its grace period. */
    public List<String> validSecrets(Instant now) {
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }

    /** Until when the previous secret is valid, or null when there is none any more. */
    public Instant previousSecretValidUntil(Instant now) {
        return previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? previousSecretExpiresAt
                : null;
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return eventTypes == null || eventTypes.isEmpty() ? List.of() : Arrays.asList(eventTypes.split(","));
    }

    public String description() {
        return description;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The current secret: for signing only, never shown after registration or rotation. */
    public String secret() {
        return secret;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Never the secrets. */
    @Override
    public String toString() {
        return "webhook endpoint " + id + " (" + WebhookUrl.forLog(url) + ", " + eventTypes + (enabled
                ? ""
                : ", disabled") + ")";
    }
}
