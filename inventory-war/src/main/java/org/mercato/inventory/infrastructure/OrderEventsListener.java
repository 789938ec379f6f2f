package org.mercato.inventory.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.inventory.application.InventoryService;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.IdempotentConsumer;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;

/**
 * The order events that move stock ({@code mercato.orders}, shared durable subscription {@code inventory-orders}):
 * OrderPlaced commits the order's reservation (its units leave the stock), OrderCancelled gives them back. Each
 * event applies once: its id is recorded in the same transaction as the stock change.
 */
// the message is acknowledged outside any transaction; its effect commits in a short transaction of its own
// (docs/architecture.md, "Consumers and transactions")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Topics.ORDERS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "inventory-orders"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "inventory"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType IN ('"
                + OrderPlaced.TYPE + "', '" + OrderCancelled.TYPE + "')"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class OrderEventsListener implements MessageListener {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    InventoryService inventory;

    @Override
    public void onMessage(Message message) {
        consumer.consume(message, Topics.ORDERS, Math.max(OrderPlaced.CONTRACT.schemaVersion(), OrderCancelled.CONTRACT
                .schemaVersion()), this::apply);
    }

    private void apply(ReceivedEvent event) {
        if (OrderPlaced.TYPE.equals(event.eventType())) {
            inventory.orderPlaced(reservationId(event.body(OrderPlaced.CONTRACT).orderId()));
        } else {
            inventory.orderCancelled(reservationId(event.body(OrderCancelled.CONTRACT).orderId()));
        }
    }

    /** The order's id is also its reservation's. */
    private static String reservationId(String orderId) {
        if (!orderId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw new RejectedMessageException("orderId is not an order's id");
        }
        return orderId;
    }
}
