package org.mercato.analytics.infrastructure;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.analytics.application.SalesFactService;
import org.mercato.analytics.domain.SalesFactRefusedException;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.IdempotentConsumer;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PaymentRefunded;

/**
 * Sales facts from the order events on {@code mercato.orders} (shared durable subscription
 * {@code analytics-orders}): OrderPlaced records a sale, OrderCancelled takes it out of the figures,
 * PaymentRefunded takes money off it. Each event applies once per event id, in the bean's transaction; one that
 * can never apply is parked on {@code DLQ.mercato.orders} with the reason.
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
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "analytics-orders"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "analytics"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType IN ('"
                + OrderPlaced.TYPE + "','" + OrderCancelled.TYPE + "','" + PaymentRefunded.TYPE + "')"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class OrderEventsListener implements MessageListener {

    /** The newest body version of these three events this consumer understands (each is checked by its contract). */
    static final int SCHEMA_VERSION = Math.max(OrderPlaced.CONTRACT.schemaVersion(), Math.max(
            OrderCancelled.CONTRACT.schemaVersion(), PaymentRefunded.CONTRACT.schemaVersion()));
    private static final Logger LOG = Logger.getLogger(OrderEventsListener.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    SalesFactService sales;

    @Inject
    Clock clock;

    @Override
    public void onMessage(Message message) {
        consumer.consume(message, Topics.ORDERS, SCHEMA_VERSION, event -> record(sales, clock, event));
    }

    /** The effect of one order event; public for the consumer test, which drives it without a container. */
    public static void record(SalesFactService sales, Clock clock, ReceivedEvent event) {
        String type = event.headers().eventType();
        try {
            switch (type) {
                case OrderPlaced.TYPE -> {
                    var sale = OrderEventFacts.sale(event.body(OrderPlaced.CONTRACT), clock.instant());
                    if (sales.orderPlaced(sale)) {
                        LOG.info(() -> "Recorded the sale of order " + sale.orderId());
                    }
                }
                case OrderCancelled.TYPE -> sales.orderCancelled(OrderEventFacts.cancellation(event.body(
                        OrderCancelled.CONTRACT), clock.instant()));
                case PaymentRefunded.TYPE -> sales.paymentRefunded(OrderEventFacts.refund(event.body(
                        PaymentRefunded.CONTRACT), event.headers().occurredAt(), clock.instant()));
                default -> throw new RejectedMessageException("analytics does not consume " + type + " events");
            }
        } catch (SalesFactRefusedException refused) {
            throw new RejectedMessageException(type + ": " + refused.getMessage());
        }
    }
}
