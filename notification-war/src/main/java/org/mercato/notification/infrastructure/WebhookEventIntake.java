package org.mercato.notification.infrastructure;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.transaction.Transactional;

import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.EventContract;
import org.mercato.messaging.events.EventJson;
import org.mercato.notification.application.WebhookPayload;
import org.mercato.notification.application.WebhookService;
import org.mercato.platform.metrics.ShopMetrics;
import org.mercato.platform.persistence.DatabaseMigrations;
import org.mercato.platform.tracing.RequestIds;

/**
 * What the webhook listeners do with a message, in one short transaction: read the envelope and the body into its
 * contract record (so only events of the documented shape go out), then queue a delivery for each subscribed
 * endpoint, once per event id ({@link WebhookService#eventReceived}). A database failure propagates: the
 * transaction rolls back and the broker redelivers.
 * <p>
 * Why not {@code IdempotentConsumer}: its {@code processed_event} table is keyed by the event id alone and shared
 * with this service's email listeners, which take {@code OrderPlaced}, {@code OrderCancelled} and
 * {@code ShipmentDispatched} too; whichever consumer recorded the id first would make the other skip the event (a
 * lost email or a lost webhook). Webhooks record their own receipts ({@code webhook_event}) in the same way, in the
 * same transaction as the deliveries. And a message no webhook can carry (no envelope, not the contract's shape, a
 * newer schema version, a type Mercato does not know) is skipped with a warning rather than parked: the topic's
 * owning consumers park it on the dead-letter queue, and a second parked copy would only be noise.
 */
@ApplicationScoped
public class WebhookEventIntake {

    private static final Logger LOG = Logger.getLogger(WebhookEventIntake.class.getName());
    private static final Duration SCHEMA_WAIT = Duration.ofSeconds(60);

    @Inject
    WebhookService webhooks;

    @Inject
    ShopMetrics metrics;

    /** @return how many deliveries were queued */
    @Transactional(Transactional.TxType.REQUIRED)
    public int receive(Message message, String topic) {
        try (RequestIds.Scope scope = RequestIds.open(correlationId(message))) {
            DatabaseMigrations.awaitMigrated(SCHEMA_WAIT);
            return queue(message, topic, webhooks, metrics);
        }
    }

    /** The effect without the container's parts (transaction, migrations, request id): for tests. */
    public static int queue(Message message, String topic, WebhookService webhooks, ShopMetrics metrics) {
        ReceivedEvent event;
        String payload;
        try {
            event = ReceivedEvent.read(message, Integer.MAX_VALUE);
            if (!webhooks.anySubscribed(event.eventType())) {
                return 0; // the usual case for most events: nothing to read further
            }
            Optional<EventContract<?>> contract = EventJson.contract(event.eventType());
            if (contract.isEmpty()) {
                throw new RejectedMessageException(event.eventType() + " is not an event type Mercato knows");
            }
            // only the documented shape goes out; a newer version than this release knows is refused here
            event.body(contract.get());
            payload = WebhookPayload.envelope(event.headers(), event.json());
        } catch (RejectedMessageException | IllegalArgumentException unusable) {
            String eventId = eventId(message);
            LOG.warning(() -> "Webhooks skip a message from " + topic + " (event " + eventId + "): " + unusable
                    .getMessage());
            metrics.count("mercato.webhooks.events.skipped", "Messages webhooks could not carry (no envelope, not"
                    + " the contract's shape, a newer schema version), by topic", "topic", topic);
            return 0;
        }
        return webhooks.eventReceived(event.headers(), payload);
    }

    private static String correlationId(Message message) {
        try {
            return RequestIds.sanitize(message.getJMSCorrelationID());
        } catch (JMSException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String eventId(Message message) {
        try {
            return message.getStringProperty("eventId");
        } catch (JMSException | RuntimeException e) {
            return "?";
        }
    }
}
