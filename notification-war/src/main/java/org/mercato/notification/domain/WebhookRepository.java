package org.mercato.notification.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Webhook endpoints, their deliveries and the attempts of each, in the service's database. */
public interface WebhookRepository {

    void addEndpoint(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> endpoint(UUID id);

    /** Oldest first. */
    List<WebhookEndpoint> endpoints(int offset, int limit);

    long countEndpoints();

    /** The enabled endpoints, for fanning an event out. */
    List<WebhookEndpoint> enabledEndpoints();

    /** Removes the endpoint with its deliveries and their attempts. */
    void removeEndpoint(WebhookEndpoint endpoint);

    /**
     * Records that an event was received for webhooks; false if it was before (nothing is recorded then). In the
     * transaction that queues its deliveries: an event is fanned out once however often it is delivered.
     */
    boolean firstReceipt(UUID eventId, String eventType, Instant now);

    /** Saves a new delivery; false if the endpoint already has one for that event. */
    boolean addDelivery(WebhookDelivery delivery);

    /**
     * Locks up to {@code max} PENDING deliveries that are due, to enabled endpoints, oldest due first, skipping
     * those another dispatcher holds; the caller claims them and its commit saves and unlocks them.
     */
    List<WebhookDelivery> claimDue(Instant now, int max);

    /** A delivery locked for recording an attempt's outcome, if it still exists. */
    Optional<WebhookDelivery> lockDelivery(UUID id);

    Optional<WebhookDelivery> delivery(UUID id);

    void addAttempt(WebhookAttempt attempt);

    /** An endpoint's deliveries, newest first; a null status matches all. */
    List<WebhookDelivery> deliveries(UUID endpointId, WebhookDeliveryStatus status, int offset, int limit);

    long countDeliveries(UUID endpointId, WebhookDeliveryStatus status);

    /** The attempts of these deliveries by delivery id, each list newest first. */
    Map<UUID, List<WebhookAttempt>> attempts(Collection<UUID> deliveryIds);
}
