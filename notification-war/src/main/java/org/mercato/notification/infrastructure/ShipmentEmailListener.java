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
import org.mercato.messaging.events.ShipmentDispatched;
import org.mercato.notification.application.NotificationService;

/**
 * The shipping email: {@code ShipmentDispatched} on {@code mercato.fulfillment}, one shared durable subscription
 * for every notification instance, applied once per event like {@link OrderEmailListener}; unusable messages go to
 * {@code DLQ.mercato.fulfillment} with the reason.
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
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "notification-shipments"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "notification"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = '"
                + ShipmentDispatched.TYPE + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class ShipmentEmailListener implements MessageListener {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    NotificationService notifications;

    @Override
    public void onMessage(Message message) {
        consumer.consume(message, Topics.FULFILLMENT, ShipmentDispatched.CONTRACT.schemaVersion(),
                event -> EventEmails.queue(event, notifications));
    }
}
