package org.mercato.catalog.infrastructure.events;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.infrastructure.search.ProductIndex;
import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.DeadLetters;
import org.mercato.messaging.events.StockAvailabilityChanged;
import org.mercato.platform.persistence.DatabaseMigrations;

/**
 * Keeps the catalog's in-stock flags (for the search filter) in step with inventory:
 * {@code StockAvailabilityChanged} on {@code mercato.inventory}, through a durable subscription shared by every
 * catalog instance. Applying is idempotent and order-tolerant (older news than what is recorded change nothing).
 * A message that cannot be read is parked at once on {@code DLQ.mercato.inventory} with the reason in
 * {@code mercatoRejectedReason}; a failure that may pass (the database down) is redelivered with back-off.
 */
// the message is acknowledged outside any transaction; its effect commits in a short transaction of its own
// (docs/architecture.md, "Consumers and transactions")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Topics.INVENTORY),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "catalog-stock-availability"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "catalog"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = '"
                + StockAvailabilityChanged.TYPE + "'"),
        // four: news of a product's SKUs arrive together and wait for each other's product lock
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
public class StockAvailabilityListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(StockAvailabilityListener.class.getName());

    @Inject
    CatalogService catalog;

    @Inject
    ProductIndex index;

    @Inject
    DeadLetters deadLetters;

    /** Inventory's news in the catalog's terms: whether the SKU can be bought, as of when it occurred. */
    record StockNews(String sku, boolean inStock, Instant asOf) {
    }

    @Override
    public void onMessage(Message message) {
        // messages may arrive while the catalog is still starting: the change must find the index open
        index.isOpen();
        DatabaseMigrations.awaitMigrated(Duration.ofSeconds(60));
        StockNews news;
        try {
            news = read(message);
        } catch (RejectedMessageException e) {
            // retrying cannot make it readable: parked at once with the reason, like every Mercato consumer does
            deadLetters.park(message, Topics.INVENTORY, "unreadable " + StockAvailabilityChanged.TYPE + " "
                    + eventId(message) + ": " + e.getMessage());
            return;
        }
        if (!catalog.recordAvailability(news.sku(), news.inStock(), news.asOf())) {
            LOG.fine(() -> "Stock news for SKU " + news.sku() + ", which the catalog does not sell");
        }
    }

    /**
     * The news a StockAvailabilityChanged message brings, as of its {@code occurredAt}.
     *
     * @throws RejectedMessageException if its envelope or body can never be read (the reason names the field)
     */
    static StockNews read(Message message) {
        ReceivedEvent event = ReceivedEvent.read(message, StockAvailabilityChanged.CONTRACT.schemaVersion());
        StockAvailabilityChanged changed = event.body(StockAvailabilityChanged.CONTRACT);
        return new StockNews(changed.sku(), changed.inStock(), event.headers().occurredAt());
    }

    /** The message's event id for the reason, or null when even that cannot be read. */
    private static String eventId(Message message) {
        try {
            return message.getStringProperty(EventHeaders.EVENT_ID);
        } catch (JMSException e) {
            return null;
        }
    }
}
