package org.mercato.fulfillment.infrastructure;

import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.mercato.fulfillment.application.FulfillmentService;
import org.mercato.fulfillment.application.NewShipment;
import org.mercato.fulfillment.domain.Recipient;
import org.mercato.fulfillment.domain.Shipment;
import org.mercato.fulfillment.domain.ShipmentLine;
import org.mercato.fulfillment.domain.ShippingAddress;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.IdempotentConsumer;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;

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
                + OrderPlaced.TYPE + "','" + OrderCancelled.TYPE + "')"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class OrderEventsListener implements MessageListener {

    /** The newest body version of OrderPlaced and OrderCancelled this consumer understands. */
    static final int SCHEMA_VERSION = Math.max(OrderPlaced.CONTRACT.schemaVersion(),
            OrderCancelled.CONTRACT.schemaVersion());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    FulfillmentService fulfillment;

    @Override
    public void onMessage(Message message) {
        consumer.consume(message, Topics.ORDERS, SCHEMA_VERSION, event -> apply(event, fulfillment));
    }

    /**
     * The effect of one event: its body is read into its contract record and checked in full before the service
     * changes anything.
     */
    static void apply(ReceivedEvent event, FulfillmentService fulfillment) {
        switch (event.eventType()) {
            case OrderPlaced.TYPE -> fulfillment.orderPlaced(newShipment(event.body(OrderPlaced.CONTRACT)));
            case OrderCancelled.TYPE -> {
                OrderCancelled cancelled = event.body(OrderCancelled.CONTRACT);
                fulfillment.orderCancelled(checkedOrderId(cancelled.orderId(), OrderCancelled.TYPE), cancelled
                        .reason(), cancelled.cancelledBy());
            }
            default -> throw new RejectedMessageException("fulfillment does not consume " + event.eventType());
        }
    }

    /** What a placed order asks of the warehouse, in this service's terms; refused if it can never make one. */
    static NewShipment newShipment(OrderPlaced placed) {
        try {
            PostalAddress address = placed.shippingAddress();
            ShippingAddress shipTo = new ShippingAddress(address.name(), address.line1(), address.line2(), address
                    .city(), address.postalCode(), address.country());
            // the shipping email goes to the customer; the parcel is addressed to the address's name
            String name = placed.customer().name();
            Recipient recipient = new Recipient(placed.customer().email(), name == null ? shipTo.name() : name);
            if (placed.lines().size() > Shipment.MAX_LINES) {
                throw new IllegalArgumentException("lines must be 1 to " + Shipment.MAX_LINES + " lines");
            }
            List<ShipmentLine> lines = new ArrayList<>(placed.lines().size());
            for (OrderPlaced.Line line : placed.lines()) {
                lines.add(new ShipmentLine(line.sku(), line.name() == null ? line.sku() : line.name(), line
                        .quantity()));
            }
            return new NewShipment(checkedOrderId(placed.orderId(), OrderPlaced.TYPE), recipient, shipTo, lines);
        } catch (IllegalArgumentException e) {
            throw new RejectedMessageException(OrderPlaced.TYPE + " for order " + placed.orderId()
                    + " cannot make a shipment: " + e.getMessage(), e);
        }
    }

    private static String checkedOrderId(String orderId, String eventType) {
        if (orderId.length() > 64) {
            throw new RejectedMessageException(eventType + ": orderId must have at most 64 characters");
        }
        return orderId;
    }
}
