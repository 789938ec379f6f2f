package org.mercato.fulfillment.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.fulfillment.application.FulfillmentService;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.IdempotentConsumer;

/**
 * The order events that concern the warehouse, on {@code mercato.orders} (shared durable subscription
 * {@code fulfillment-orders}, so instances split the work and nothing published while fulfillment was down is
 * missed): OrderPlaced makes a shipment, OrderCancelled stops it. Each event applies once per event id, in the
 * transaction of its effect; one that can never apply goes to {@code DLQ.mercato.orders} with its reason.
 */
// the message is acknowledged outside any transaction; its effect commits in a short transaction of its own
// (docs/architecture.md, "Consumers and transactions")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "mercato.orders"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "fulfillment-orders"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "fulfillment"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType IN ('"
                + OrderEventBodies.ORDER_PLACED + "','" + OrderEventBodies.ORDER_CANCELLED + "')"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class OrderEventsListener implements MessageListener {

    /** The newest body version of OrderPlaced and OrderCancelled this consumer understands. */
    static final int SCHEMA_VERSION = 1;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    FulfillmentService fulfillment;

    @Override
    public void onMessage(Message message) {
        consumer.consume(message, Topics.ORDERS, SCHEMA_VERSION, event -> apply(event, fulfillment));
    }

    /** The effect of one event: its body is read and checked in full before the service changes anything. */
    static void apply(ReceivedEvent event, FulfillmentService fulfillment) {
        switch (event.headers().eventType()) {
            case OrderEventBodies.ORDER_PLACED -> fulfillment.orderPlaced(OrderEventBodies.placed(event));
            case OrderEventBodies.ORDER_CANCELLED -> {
                OrderEventBodies.Cancellation cancellation = OrderEventBodies.cancelled(event);
                fulfillment.orderCancelled(cancellation.orderId(), cancellation.reason(),
                        cancellation.cancelledBy());
            }
            default -> throw new RejectedMessageException("fulfillment does not consume "
                    + event.headers().eventType());
        }
    }
}
