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
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.IdempotentConsumer;
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
                + PaymentRefundListener.PAYMENT_REFUNDED + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class PaymentRefundListener implements MessageListener {

    static final String PAYMENT_REFUNDED = "PaymentRefunded";
    /** The newest body version of PaymentRefunded this consumer understands. */
    static final int SCHEMA_VERSION = 1;
    private static final Logger LOG = Logger.getLogger(PaymentRefundListener.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    OrderManagement orders;

    @Override
    public void onMessage(Message message) {
        consumer.consume(message, Topics.ORDERS, SCHEMA_VERSION, event -> record(orders, event));
    }

    /**
     * The effect of one PaymentRefunded ({@code {paymentId, orderId, refundId, amount: {amount, currency},
     * remaining, status, reason}}, docs/events.md); static so the consumer test drives it without a container.
     *
     * @throws RejectedMessageException before changing anything, if the event can never apply
     */
    public static void record(OrderManagement orders, ReceivedEvent event) {
        if (!PAYMENT_REFUNDED.equals(event.headers().eventType())) {
            throw new RejectedMessageException("orders does not consume " + event.headers().eventType() + " events");
        }
        String paymentId = event.string("paymentId");
        String orderId = event.string("orderId");
        OrderRefund refund = refund(event);
        long remaining = event.number("remaining");
        UUID order;
        try {
            order = UUID.fromString(orderId);
        } catch (IllegalArgumentException e) {
            // payments also charges for callers that are not this order service: their refunds are not ours
            LOG.info(() -> "PaymentRefunded of payment " + paymentId + " for " + orderId
                    + ", which is not an order's id: ignored");
            return;
        }
        try {
            orders.paymentRefunded(order, paymentId, refund, remaining);
        } catch (RefundNotApplicableException refused) {
            throw new RejectedMessageException(PAYMENT_REFUNDED + ": " + refused.getMessage());
        }
    }

    private static OrderRefund refund(ReceivedEvent event) {
        JsonObject amount = event.object("amount");
        if (!(amount.get("amount") instanceof JsonNumber minor) || !minor.isIntegral()
                || !(amount.get("currency") instanceof JsonString currency)) {
            throw new RejectedMessageException(PAYMENT_REFUNDED + ": amount must be {amount: minor units, currency}");
        }
        try {
            return new OrderRefund(event.string("refundId"), new Money(minor.longValueExact(), currency.getString()),
                    event.optionalString("reason"));
        } catch (ArithmeticException | IllegalArgumentException | MoneyLimitException e) {
            throw new RejectedMessageException(PAYMENT_REFUNDED + ": " + e.getMessage());
        }
    }
}
