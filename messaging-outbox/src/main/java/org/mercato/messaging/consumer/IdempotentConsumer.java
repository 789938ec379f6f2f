package org.mercato.messaging.consumer;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.annotation.Resource;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.platform.metrics.ShopMetrics;
import org.mercato.platform.persistence.DatabaseMigrations;
import org.mercato.platform.tracing.RequestIds;

/**
 * What every message-driven bean does with a message, in a short transaction of its own: read the envelope, apply
 * the event once per event id ({@link ProcessedEvents}), park what can never apply on the dead-letter queue with
 * its reason ({@link DeadLetters}). Any other failure (the database down) propagates, the transaction rolls back,
 * and the broker redelivers with back-off, then dead-letters.
 * <p>
 * The beans run {@code NOT_SUPPORTED}: the message is acknowledged after this transaction commits, not in it. A
 * transaction spanning the acknowledgement would hold the effect's row locks (a SKU's stock row, an order) through
 * a broker round trip, and through a whole broker failover when the broker dies then, stalling the requests that
 * need those rows. An acknowledgement lost that way only means a redelivery, which the recorded event id turns
 * into a no-op.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class.getName());
    private static final Duration SCHEMA_WAIT = Duration.ofSeconds(60);

    /** The effect of one event; throws {@link RejectedMessageException} before changing anything if it cannot apply. */
    @FunctionalInterface
    public interface Effect {
        void apply(ReceivedEvent event);
    }

    @Inject
    ProcessedEvents processed;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ShopMetrics metrics = new ShopMetrics();

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * @param topic the topic the message came from (names its dead-letter queue)
     * @param newestSchemaVersion the newest body version this consumer understands
     * @return true if the effect was applied now
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean consume(Message message, String topic, int newestSchemaVersion, Effect effect) {
        // the request that caused the event, carried on to the calls and events its effect makes
        try (RequestIds.Scope scope = RequestIds.open(correlationId(message))) {
            return consumeOnce(message, topic, newestSchemaVersion, effect);
        }
    }

    /** The message's JMS correlation id when it is a sane request id ({@link RequestIds#sanitize}), else null. */
    static String correlationId(Message message) {
        try {
            return RequestIds.sanitize(message.getJMSCorrelationID());
        } catch (jakarta.jms.JMSException | RuntimeException unreadable) {
            return null;
        }
    }

    private boolean consumeOnce(Message message, String topic, int newestSchemaVersion, Effect effect) {
        DatabaseMigrations.awaitMigrated(SCHEMA_WAIT);
        ReceivedEvent event;
        try {
            event = ReceivedEvent.read(message, newestSchemaVersion);
        } catch (RejectedMessageException unreadable) {
            deadLetters.park(message, topic, unreadable.getMessage());
            return false;
        }
        if (!processed.firstTime(event.headers().eventId(), event.headers().eventType())) {
            LOG.info(() -> event.headers().eventType() + " " + event.headers().eventId()
                    + " was applied before; ignored (request " + RequestIds.current().orElse("-") + ")");
            return false;
        }
        try {
            effect.apply(event);
            metrics.count("mercato.events.consumed", "Events this service applied, by type", "event_type",
                    event.headers().eventType());
            // how far this consumer is behind: from the event's occurrence (its producer's clock) to its effect
            metrics.time("mercato.events.consumer.lag", "Time from an event's occurrence to its effect here",
                    Duration.between(event.headers().occurredAt(), java.time.Instant.now()), "event_type", event
                            .headers().eventType());
            return true;
        } catch (RejectedMessageException refused) {
            if (transactions.getRollbackOnly()) {
                // a transactional service below already doomed the transaction: nothing can be parked in it, so
                // the broker redelivers and, in the end, dead-letters the message itself
                throw refused;
            }
            // the effect refused before changing anything; the event id stays recorded with the parked copy
            deadLetters.park(message, topic, refused.getMessage());
            return false;
        }
    }
}
