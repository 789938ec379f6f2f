package org.mercato.cart.infrastructure;

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
import jakarta.json.JsonObject;

import org.mercato.messaging.JsonBodies;
import org.mercato.cart.application.CartService;

/**
 * Empties the cart an order was placed from ({@code OrderPlaced} on {@code mercato.orders}, shared durable
 * subscription). Clearing twice changes nothing, so redeliveries are harmless. An unreadable message is refused
 * (redelivered with back-off, then dead-lettered).
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
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "cart-order-placed"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "cart"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = 'OrderPlaced'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class OrderPlacedListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OrderPlacedListener.class.getName());

    @Inject
    CartService carts;

    @Override
    public void onMessage(Message message) {
        try {
            JsonObject body = JsonBodies.read(message);
            String cartId = body.getString("cartId");
            carts.orderPlaced(cartId);
            LOG.info(() -> "Cleared cart " + cartId + " after order " + body.getString("orderId", "?"));
        } catch (JMSException | JsonException | NullPointerException e) {
            LOG.warning(() -> "Refusing an OrderPlaced message: " + e);
            throw new IllegalArgumentException("unreadable OrderPlaced message", e);
        }
    }
}
