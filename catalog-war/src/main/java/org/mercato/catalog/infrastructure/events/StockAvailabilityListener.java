package org.mercato.catalog.infrastructure.events;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import org.mercato.messaging.JsonBodies;
import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.infrastructure.search.ProductIndex;
import org.mercato.messaging.EventHeaders;
import org.mercato.platform.persistence.DatabaseMigrations;

/**
 * Keeps the catalog's in-stock flags (for the search filter) in step with inventory:
 * {@code StockAvailabilityChanged} on {@code mercato.inventory}, through a durable subscription shared by every
 * catalog instance. Applying is idempotent and order-tolerant (older news than what is recorded change nothing).
 * A message that cannot be read is refused: the broker redelivers it with back-off, then moves it to
 * {@code DLQ.mercato.inventory}.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "mercato.inventory"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "catalog-stock-availability"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "catalog"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = '"
                + StockAvailabilityListener.EVENT_TYPE + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class StockAvailabilityListener implements MessageListener {

    static final String EVENT_TYPE = "StockAvailabilityChanged";
    private static final Logger LOG = Logger.getLogger(StockAvailabilityListener.class.getName());

    @Inject
    CatalogService catalog;

    @Inject
    ProductIndex index;

    @Override
    public void onMessage(Message message) {
        // messages may arrive while the catalog is still starting: the change must find the index open
        index.isOpen();
        DatabaseMigrations.awaitMigrated(Duration.ofSeconds(60));
        String eventId = null;
        try {
            eventId = message.getStringProperty(EventHeaders.EVENT_ID);
            EventHeaders headers = EventHeaders.from(message);
            JsonObject body = JsonBodies.read(message);
            String sku = body.getString("sku");
            boolean inStock = body.getBoolean("inStock");
            Instant asOf = headers.occurredAt();
            if (!catalog.recordAvailability(sku, inStock, asOf)) {
                LOG.fine(() -> "Stock news for SKU " + sku + ", which the catalog does not sell");
            }
        } catch (JMSException | JsonException | NullPointerException
                | IllegalArgumentException | java.time.DateTimeException e) {
            String id = eventId;
            LOG.warning(() -> "Refusing " + EVENT_TYPE + " " + id + ": " + e
                    + " (redelivered with back-off, then dead-lettered)");
            throw new IllegalArgumentException("unreadable " + EVENT_TYPE + " message " + id, e);
        }
    }
}
