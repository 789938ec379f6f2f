package org.mercato.notification.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.IdempotentConsumer;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.notification.application.NotificationService;

/**
 * The order confirmation and cancellation emails: {@code OrderPlaced} and {@code OrderCancelled} on
 * {@code mercato.orders}, one shared durable subscription for every notification instance. Each event queues its
 * email once, in the transaction that records it as processed; a message no email can be written from goes to
 * {@code DLQ.mercato.orders} with the reason.
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
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "notification-orders"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "notification"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType IN ('"
                + OrderPlaced.TYPE + "','" + OrderCancelled.TYPE + "')"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class OrderEmailListener implements MessageListener {

    /** The newest body version of OrderPlaced and OrderCancelled this service understands. */
    static final int SCHEMA_VERSION = Math.max(OrderPlaced.CONTRACT.schemaVersion(),
            OrderCancelled.CONTRACT.schemaVersion());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    NotificationService notifications;

    @Override
    public void onMessage(Message message) {
        consumer.consume(message, Topics.ORDERS, SCHEMA_VERSION, event -> EventEmails.queue(event, notifications));
    }
}
