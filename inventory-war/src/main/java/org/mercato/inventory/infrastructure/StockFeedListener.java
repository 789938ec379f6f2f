package org.mercato.inventory.infrastructure;

import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.inventory.application.InventoryService;
import org.mercato.inventory.domain.InventoryException;
import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.DeadLetters;
import org.mercato.messaging.events.StockAdjusted;
import org.mercato.platform.persistence.DatabaseMigrations;

/**
 * The stock feed of enterprise systems (an ERP, a warehouse system): {@code StockAdjusted} on
 * {@code mercato.inventory}, one shared durable subscription for every inventory instance. Each message is
 * applied once (its event id is recorded in the same transaction as the adjustment). A message that can never be
 * applied (no eventId, a newer schema version, not JSON, no SKU, a quantity that is no whole number or does not fit
 * an int, an unknown warehouse, more units removed than there are) goes straight to
 * {@code DLQ.mercato.inventory} with the reason in the property {@code mercatoRejectedReason}, then is
 * acknowledged; a failure that may pass (the database down) is redelivered with back-off.
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
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "inventory-stock-feed"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "inventory"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = '"
                + StockAdjusted.TYPE + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class StockFeedListener implements MessageListener {

    /** The source recorded in the stock movement when the message names none. */
    static final String DEFAULT_SOURCE = "stock feed";
    private static final Logger LOG = Logger.getLogger(StockFeedListener.class.getName());

    @Inject
    InventoryService inventory;

    @Inject
    DeadLetters deadLetters;

    /** What an adjustment message asks for, in inventory's terms. */
    record Adjustment(UUID eventId, String sku, String warehouse, int quantity, String source, String reason) {
    }

    @Override
    public void onMessage(Message message) {
        DatabaseMigrations.awaitMigrated(Duration.ofSeconds(60));
        Adjustment adjustment;
        try {
            adjustment = read(message);
        } catch (RejectedMessageException e) {
            reject(message, e.getMessage());
            return;
        }
        try {
            boolean applied = inventory.adjustOnce(adjustment.eventId(), StockAdjusted.TYPE, adjustment.sku(),
                    adjustment.warehouse(), adjustment.quantity(), adjustment.source(), adjustment.reason());
            if (!applied) {
                LOG.info(() -> "StockAdjusted " + adjustment.eventId() + " was applied before; ignored");
            }
        } catch (InventoryException refused) {
            reject(message, refused.getMessage());
        }
    }

    /**
     * The adjustment a StockAdjusted message asks for.
     *
     * @throws RejectedMessageException if it can never apply: no eventId, a bad envelope or newer schema version, a
     *             body that is not the contract's (the reason names the field), a quantity that does not fit an int
     */
    static Adjustment read(Message message) {
        String eventId;
        try {
            eventId = message.getStringProperty(EventHeaders.EVENT_ID);
        } catch (JMSException e) {
            throw new RejectedMessageException("unreadable message: " + e.getMessage(), e);
        }
        if (eventId == null || eventId.isBlank()) {
            throw new RejectedMessageException("eventId is missing");
        }
        ReceivedEvent event = ReceivedEvent.read(message, StockAdjusted.CONTRACT.schemaVersion());
        return adjustment(event.headers().eventId(), event.body(StockAdjusted.CONTRACT));
    }

    /** The adjustment with inventory's defaults: warehouse {@code MAIN}, source {@code stock feed}. */
    static Adjustment adjustment(UUID eventId, StockAdjusted adjusted) {
        long quantity = adjusted.quantity();
        if (quantity != (int) quantity) {
            throw new RejectedMessageException("quantity must be a whole number of units from " + Integer.MIN_VALUE
                    + " to " + Integer.MAX_VALUE + " (negative removes), not " + quantity);
        }
        String warehouse = adjusted.warehouse() == null ? InventoryService.DEFAULT_WAREHOUSE : adjusted.warehouse();
        String source = adjusted.source() == null ? DEFAULT_SOURCE : adjusted.source();
        return new Adjustment(eventId, adjusted.sku(), warehouse, (int) quantity, source, adjusted.reason());
    }

    private void reject(Message message, String reason) {
        deadLetters.park(message, Topics.INVENTORY, reason);
    }
}
