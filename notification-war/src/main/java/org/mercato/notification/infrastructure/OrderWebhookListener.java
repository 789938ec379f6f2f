package org.mercato.notification.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.messaging.Topics;

/**
 * Every event on {@code mercato.orders} to the webhook endpoints subscribed to it ({@link WebhookEventIntake}), on the
 * shared durable subscription {@code notification-webhooks-orders} of every notification instance.
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
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "notification-webhooks-orders"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "notification"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class OrderWebhookListener implements MessageListener {

    @Inject
    WebhookEventIntake intake;

    @Override
    public void onMessage(Message message) {
        intake.receive(message, Topics.ORDERS);
    }
}
