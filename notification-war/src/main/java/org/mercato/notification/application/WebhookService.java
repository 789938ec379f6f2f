package org.mercato.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.events.EventContract;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.StockAdjusted;
import org.mercato.notification.domain.WebhookAttempt;
import org.mercato.notification.domain.WebhookDelivery;
import org.mercato.notification.domain.WebhookDeliveryStatus;
import org.mercato.notification.domain.WebhookEndpoint;
import org.mercato.notification.domain.WebhookException;
import org.mercato.notification.domain.WebhookRepository;
import org.mercato.notification.domain.WebhookUrl;

/**
 * Webhooks: staff register the addresses that get events over HTTP and read and replay what was delivered; every
 * event received is queued for the enabled endpoints that subscribe to its type, in the transaction that receives
 * it (so a delivery is queued exactly when the event counts as received: never lost, never twice). The POSTs are
 * the {@link WebhookDispatcher}'s.
 */
@ApplicationScoped
public class WebhookService {

    /**
     * The event types an endpoint may subscribe to: every contract Mercato's services publish. StockAdjusted is not
     * among them: outside systems send it, and inventory may refuse it (an unknown warehouse, more units than there
     * are); its outcome is Mercato's own news (StockAvailabilityChanged, StockLow).
     */
    public static final Set<String> KNOWN_TYPES = EventJson.CONTRACTS.stream().map(EventContract::eventType).filter(
            type -> !type.equals(StockAdjusted.TYPE)).collect(Collectors.toUnmodifiableSet());
    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());

    /** A new endpoint and its secret, shown this once. */
    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    /** A rotated endpoint, its new secret (shown this once) and until when the previous one still signs. */
    public record Rotated(WebhookEndpoint endpoint, String secret, Instant previousSecretValidUntil) {
    }

    /** A delivery with its attempts, newest first. */
    public record DeliveryLog(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    @Inject
    WebhookRepository webhooks;

    @Inject
    NewDeliverySignal signal;

    @Inject
    Clock clock;

    @Inject
    WebhookSettings settings;

    protected WebhookService() {
        // for CDI
    }

    public WebhookService(WebhookRepository webhooks, NewDeliverySignal signal, Clock clock,
            WebhookSettings settings) {
        this.webhooks = webhooks;
        this.signal = signal;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Registers an endpoint, enabled, with a new secret.
     *
     * @throws WebhookException {@code INVALID} naming the field (url, eventTypes, description); nothing is saved
     */
    @Transactional
    public Registered register(String url, List<String> eventTypes, String description, String actor) {
        WebhookEndpoint endpoint = WebhookEndpoint.register(url, WebhookEndpoint.checkedTypes(eventTypes,
                KNOWN_TYPES), description, clock.instant());
        webhooks.addEndpoint(endpoint);
        LOG.info(() -> "Registered " + endpoint + " by " + actor);
        return new Registered(endpoint, endpoint.secret());
    }

    /** Oldest first. */
    public List<WebhookEndpoint> endpoints(int offset, int limit) {
        return webhooks.endpoints(offset, limit);
    }

    public long countEndpoints() {
        return webhooks.countEndpoints();
    }

    /** @throws WebhookException {@code UNKNOWN} */
    public WebhookEndpoint endpoint(UUID id) {
        return webhooks.endpoint(id).orElseThrow(() -> WebhookException.unknown("no webhook endpoint " + id));
    }

    /**
     * Changes what is given (null: unchanged). A disabled endpoint gets no new deliveries, and its pending ones wait
     * until it is enabled again.
     *
     * @throws WebhookException {@code UNKNOWN}, or {@code INVALID} naming the field; nothing is changed then
     */
    @Transactional
    public WebhookEndpoint change(UUID id, String url, List<String> eventTypes, Boolean enabled, String description,
            String actor) {
        if (url == null && eventTypes == null && enabled == null && description == null) {
            throw WebhookException.invalid("body", "must change at least one of url, eventTypes, enabled,"
                    + " description");
        }
        WebhookEndpoint endpoint = endpoint(id);
        if (url != null) {
            WebhookUrl.checked(url);
        }
        List<String> types = eventTypes == null ? null : WebhookEndpoint.checkedTypes(eventTypes, KNOWN_TYPES);
        endpoint.change(url, types, enabled, description, clock.instant());
        LOG.info(() -> "Changed " + endpoint + " by " + actor);
        if (Boolean.TRUE.equals(enabled)) {
            signal.deliveriesQueued();
        }
        return endpoint;
    }

    /** Removes the endpoint, its pending deliveries and its delivery log. */
    @Transactional
    public void remove(UUID id, String actor) {
        WebhookEndpoint endpoint = endpoint(id);
        webhooks.removeEndpoint(endpoint);
        LOG.info(() -> "Removed " + endpoint + " by " + actor);
    }

    /** A new secret; the old one keeps signing for the configured grace period. */
    @Transactional
    public Rotated rotateSecret(UUID id, String actor) {
        WebhookEndpoint endpoint = endpoint(id);
        Instant now = clock.instant();
        String secret = endpoint.rotateSecret(settings.secretGrace(), now);
        LOG.info(() -> "Rotated the secret of " + endpoint + " by " + actor + "; the previous one signs too until "
                + endpoint.previousSecretValidUntil(now));
        return new Rotated(endpoint, secret, endpoint.previousSecretValidUntil(now));
    }

    /** An endpoint's deliveries with their attempts, newest first; a null status matches all. */
    public List<DeliveryLog> deliveries(UUID endpointId, WebhookDeliveryStatus status, int offset, int limit) {
        endpoint(endpointId);
        List<WebhookDelivery> deliveries = webhooks.deliveries(endpointId, status, offset, limit);
        Map<UUID, List<WebhookAttempt>> attempts = webhooks.attempts(deliveries.stream().map(WebhookDelivery::id)
                .toList());
        return deliveries.stream().map(d -> new DeliveryLog(d, attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    public long countDeliveries(UUID endpointId, WebhookDeliveryStatus status) {
        return webhooks.countDeliveries(endpointId, status);
    }

    /** @throws WebhookException {@code UNKNOWN} when there is no such delivery to that endpoint */
    public DeliveryLog delivery(UUID endpointId, UUID deliveryId) {
        WebhookDelivery delivery = ownDelivery(endpointId, deliveryId);
        return new DeliveryLog(delivery, webhooks.attempts(List.of(deliveryId)).getOrDefault(deliveryId, List.of()));
    }

    /**
     * One more attempt now, whatever the delivery's status; a DELIVERED or FAILED one gets a new retry window.
     *
     * @throws WebhookException {@code UNKNOWN}; {@code NOT_NOW} when the endpoint is disabled
     */
    @Transactional
    public WebhookDelivery replay(UUID endpointId, UUID deliveryId, String actor) {
        WebhookEndpoint endpoint = endpoint(endpointId);
        if (!endpoint.enabled()) {
            throw new WebhookException(WebhookException.Reason.NOT_NOW, null, "the endpoint is disabled: enable it"
                    + " before replaying its deliveries");
        }
        WebhookDelivery delivery = webhooks.lockDelivery(deliveryId).filter(d -> d.endpointId().equals(endpointId))
                .orElseThrow(() -> WebhookException.unknown("no delivery " + deliveryId + " to this endpoint"));
        delivery.replay(clock.instant(), actor);
        signal.deliveriesQueued();
        return delivery;
    }

    private WebhookDelivery ownDelivery(UUID endpointId, UUID deliveryId) {
        return webhooks.delivery(deliveryId).filter(d -> d.endpointId().equals(endpointId)).orElseThrow(
                () -> WebhookException.unknown("no delivery " + deliveryId + " to webhook endpoint " + endpointId));
    }

    /** Whether any enabled endpoint subscribes to this event type. */
    public boolean anySubscribed(String eventType) {
        return KNOWN_TYPES.contains(eventType)
                && webhooks.enabledEndpoints().stream().anyMatch(e -> e.subscribesTo(eventType));
    }

    /**
     * Queues a received event for every enabled endpoint subscribed to its type, in the caller's transaction (the
     * consumer's), once per event id.
     *
     * @param payload the request body every attempt sends (the envelope with the event's JSON)
     * @return how many deliveries were queued (0 when none subscribes, or the event was received before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eventReceived(EventHeaders headers, String payload) {
        List<WebhookEndpoint> subscribed = !KNOWN_TYPES.contains(headers.eventType())
                ? List.of()
                : webhooks.enabledEndpoints().stream().filter(e -> e.subscribesTo(headers.eventType())).toList();
        Instant now = clock.instant();
        if (subscribed.isEmpty() || !webhooks.firstReceipt(headers.eventId(), headers.eventType(), now)) {
            return 0;
        }
        int queued = 0;
        for (WebhookEndpoint endpoint : subscribed) {
            if (webhooks.addDelivery(WebhookDelivery.queued(endpoint.id(), headers.eventId(), headers.eventType(),
                    headers.occurredAt(), headers.schemaVersion(), payload, now))) {
                queued++;
            }
        }
        if (queued > 0) {
            signal.deliveriesQueued();
        }
        return queued;
    }
}
