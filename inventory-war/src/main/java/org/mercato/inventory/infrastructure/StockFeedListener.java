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
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.mercato.messaging.JsonBodies;
import org.mercato.inventory.application.InventoryService;
import org.mercato.inventory.domain.InventoryException;
import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.DeadLetters;
import org.mercato.platform.persistence.DatabaseMigrations;

/**
 * The stock feed of enterprise systems (an ERP, a warehouse system): {@code StockAdjusted} on
 * {@code mercato.inventory}, one shared durable subscription for every inventory instance. Each message is
 * applied once (its event id is recorded in the same transaction as the adjustment). A message that can never be
 * applied (not JSON, no SKU, an impossible quantity, more units removed than there are) goes straight to
 * {@code DLQ.mercato.inventory} with the reason in the property {@code mercatoRejectedReason}, then is
 * acknowledged; a failure that may pass (the database down) is redelivered with back-off.
 */
// the message is acknowledged outside any transaction; its effect commits in a short transaction of its own
// (docs/architecture.md, "Consumers and transactions")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "mercato.inventory"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "inventory-stock-feed"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "inventory"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = '"
                + StockFeedListener.EVENT_TYPE + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class StockFeedListener implements MessageListener {

    static final String EVENT_TYPE = "StockAdjusted";
    private static final Logger LOG = Logger.getLogger(StockFeedListener.class.getName());

    @Inject
    InventoryService inventory;

    @Inject
    DeadLetters deadLetters;

    /** What an adjustment message must say. */
    record Adjustment(UUID eventId, String sku, String warehouse, int quantity, String source, String reason) {
    }

    @Override
    public void onMessage(Message message) {
        DatabaseMigrations.awaitMigrated(Duration.ofSeconds(60));
        Adjustment adjustment;
        try {
            adjustment = read(message);
        } catch (IllegalArgumentException e) {
            reject(message, e.getMessage());
            return;
        }
        try {
            boolean applied = inventory.adjustOnce(adjustment.eventId(), EVENT_TYPE, adjustment.sku(),
                    adjustment.warehouse(), adjustment.quantity(), adjustment.source(), adjustment.reason());
            if (!applied) {
                LOG.info(() -> "StockAdjusted " + adjustment.eventId() + " was applied before; ignored");
            }
        } catch (InventoryException refused) {
            reject(message, refused.getMessage());
        }
    }

    static Adjustment read(Message message) {
        try {
            UUID eventId = UUID.fromString(require(message.getStringProperty(EventHeaders.EVENT_ID), "eventId"));
            JsonObject body = JsonBodies.read(message);
            JsonValue quantity = body.get("quantity");
            if (!(quantity instanceof JsonNumber number) || !number.isIntegral()) {
                throw new IllegalArgumentException("quantity must be a whole number of units (negative removes)");
            }
            return new Adjustment(eventId, require(string(body, "sku"), "sku"),
                    string(body, "warehouse") == null ? InventoryService.DEFAULT_WAREHOUSE : string(body, "warehouse"),
                    number.intValueExact(), string(body, "source") == null ? "stock feed" : string(body, "source"),
                    string(body, "reason"));
        } catch (JMSException | JsonException | ArithmeticException e) {
            throw new IllegalArgumentException("unreadable message: " + e.getMessage(), e);
        }
    }

    private static String string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return ((jakarta.json.JsonString) value).getString();
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    private void reject(Message message, String reason) {
        deadLetters.park(message, Topics.INVENTORY, reason);
    }
}
