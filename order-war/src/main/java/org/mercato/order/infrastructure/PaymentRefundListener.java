package org.mercato.order.infrastructure;

import java.util.UUID;
import java.util.logging.Logger;

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
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.order.application.OrderManagement;
import org.mercato.order.domain.OrderRefund;
import org.mercato.order.domain.RefundNotApplicableException;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

/**
 * Payments' refunds ({@code PaymentRefunded} on {@code mercato.orders}, shared durable subscription
 * {@code orders-payment-refunds}) recorded in their order: a step of its history with the refund's amount and
 * reason, the refunded total, REFUNDED once all the money is back. Each event applies once (its id is recorded with
 * the change) and each refund once (by its refund id, also when the order's own cancel recorded it first). A body
 * that can never apply (no refundId, an amount that is no money, a refund that does not fit the order) is parked on
 * {@code DLQ.mercato.orders} with the reason; a refund of a payment that belongs to no order here is ignored.
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
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "orders-payment-refunds"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "orders"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = '"
                + PaymentRefunded.TYPE + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class PaymentRefundListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PaymentRefundListener.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    OrderManagement orders;

    @Override
    public void onMessage(Message message) {
        consumer.consume(message, Topics.ORDERS, PaymentRefunded.CONTRACT.schemaVersion(),
                event -> record(orders, event));
    }

    /**
     * The effect of one PaymentRefunded (its contract record, docs/events.md); static so the consumer test drives
     * it without a container.
     *
     * @throws RejectedMessageException before changing anything, if the event can never apply
     */
    public static void record(OrderManagement orders, ReceivedEvent event) {
        PaymentRefunded refunded = event.body(PaymentRefunded.CONTRACT);
        OrderRefund refund = refund(refunded);
        UUID order;
        try {
            order = UUID.fromString(refunded.orderId());
        } catch (IllegalArgumentException e) {
            // payments also charges for callers that are not this order service: their refunds are not ours
            LOG.info(() -> "PaymentRefunded of payment " + refunded.paymentId() + " for " + refunded.orderId()
                    + ", which is not an order's id: ignored");
            return;
        }
        try {
            orders.paymentRefunded(order, refunded.paymentId(), refund, refunded.remaining());
        } catch (RefundNotApplicableException refused) {
            throw new RejectedMessageException(PaymentRefunded.TYPE + ": " + refused.getMessage());
        }
    }

    /** The refund in the order's terms; money the shop cannot hold or a refund of nothing can never apply. */
    private static OrderRefund refund(PaymentRefunded refunded) {
        try {
            return new OrderRefund(refunded.refundId(), new Money(refunded.amount().amount(), refunded.amount()
                    .currency()), refunded.reason());
        } catch (IllegalArgumentException | MoneyLimitException e) {
            throw new RejectedMessageException(PaymentRefunded.TYPE + ": " + e.getMessage());
        }
    }
}
