package org.mercato.order.infrastructure;

import java.util.UUID;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.IdempotentConsumer;
import org.mercato.messaging.events.ShipmentCreated;
import org.mercato.messaging.events.ShipmentDispatched;
import org.mercato.order.application.OrderManagement;

/**
 * The warehouse's news ({@code mercato.fulfillment}, shared durable subscription {@code orders-shipments}):
 * ShipmentCreated moves the order to FULFILLING, ShipmentDispatched to SHIPPED with its tracking number. Each event
 * applies once (its id is recorded with the change).
 */
// the message is acknowledged outside any transaction; its effect commits in a short transaction of its own
// (docs/architecture.md, "Consumers and transactions")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Topics.FULFILLMENT),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "orders-shipments"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "orders"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType IN ('"
                + ShipmentCreated.TYPE + "', '" + ShipmentDispatched.TYPE + "')"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class ShipmentNewsListener implements MessageListener {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    OrderManagement orders;

    @Override
    public void onMessage(Message message) {
        consumer.consume(message, Topics.FULFILLMENT, Math.max(ShipmentCreated.CONTRACT.schemaVersion(),
                ShipmentDispatched.CONTRACT.schemaVersion()), this::apply);
    }

    private void apply(ReceivedEvent event) {
        if (ShipmentDispatched.TYPE.equals(event.eventType())) {
            ShipmentDispatched dispatched = event.body(ShipmentDispatched.CONTRACT);
            orders.shipped(orderId(dispatched.orderId()), dispatched.trackingNumber());
        } else {
            orders.fulfillmentStarted(orderId(event.body(ShipmentCreated.CONTRACT).orderId()));
        }
    }

    private static UUID orderId(String orderId) {
        try {
            return UUID.fromString(orderId);
        } catch (IllegalArgumentException e) {
            throw new RejectedMessageException("orderId is not an order's id");
        }
    }
}
