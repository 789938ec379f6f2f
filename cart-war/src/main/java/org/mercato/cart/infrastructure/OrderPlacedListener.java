package org.mercato.cart.infrastructure;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.cart.application.CartService;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.consumer.DeadLetters;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.OrderPlaced;

/**
 * Empties the cart an order was placed from ({@code OrderPlaced} on {@code mercato.orders}, shared durable
 * subscription), once per event id ({@link GridProcessedEvents}): a late duplicate does not empty a cart filled
 * again since. An order placed from no cart empties none. A message that can never be read (not the contract's shape, a newer schema version) is parked at once on
 * {@code DLQ.mercato.orders} with the reason, as every Mercato consumer does.
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
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "cart-order-placed"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "cart"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = '"
                + OrderPlaced.TYPE + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class OrderPlacedListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OrderPlacedListener.class.getName());

    @Inject
    CartService carts;

    @Inject
    DeadLetters deadLetters;

    @Inject
    GridProcessedEvents processed;

    @Override
    public void onMessage(Message message) {
        ReceivedEvent event;
        OrderPlaced order;
        try {
            event = ReceivedEvent.read(message, OrderPlaced.CONTRACT.schemaVersion());
            order = event.body(OrderPlaced.CONTRACT);
        } catch (RejectedMessageException e) {
            deadLetters.park(message, Topics.ORDERS, e.getMessage());
            return;
        }
        String eventId = event.headers().eventId().toString();
        if (processed.applied(eventId)) {
            LOG.info(() -> "OrderPlaced " + eventId + " was applied before; ignored");
            return;
        }
        if (order.cartId() == null) {
            LOG.info(() -> "Order " + order.orderId() + " was placed from no cart: no cart to empty");
            return;
        }
        carts.orderPlaced(order.cartId());
        processed.record(eventId);
        LOG.info(() -> "Cleared cart " + order.cartId() + " after order " + order.orderId());
    }
}
