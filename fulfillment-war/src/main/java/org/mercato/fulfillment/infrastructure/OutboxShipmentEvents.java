package org.mercato.fulfillment.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mercato.fulfillment.application.ShipmentEvents;
import org.mercato.fulfillment.domain.Shipment;
import org.mercato.fulfillment.domain.ShipmentLine;
import org.mercato.fulfillment.domain.ShippingAddress;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.messaging.events.ShipmentCreated;
import org.mercato.messaging.events.ShipmentDispatched;
import org.mercato.messaging.outbox.Outbox;

/**
 * ShipmentCreated and ShipmentDispatched on mercato.fulfillment, saved in the changing transaction (the outbox)
 * as messaging's contract records: the order service and the shipping email need nothing else.
 */
@ApplicationScoped
public class OutboxShipmentEvents implements ShipmentEvents {

    @Inject
    Outbox outbox;

    protected OutboxShipmentEvents() {
        // for CDI
    }

    public OutboxShipmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void created(Shipment shipment) {
        outbox.add(ShipmentCreated.CONTRACT, new ShipmentCreated(shipment.id().toString(), shipment.orderId(),
                shipment.createdAt()));
    }

    @Override
    public void dispatched(Shipment shipment) {
        outbox.add(ShipmentDispatched.CONTRACT, new ShipmentDispatched(shipment.id().toString(), shipment
                .orderId(), shipment.carrier(), shipment.trackingNumber(), shipment.dispatchedAt(),
                new ShipmentDispatched.Recipient(shipment.recipient().email(), shipment.recipient().name()),
                address(shipment.shippingAddress()), shipment.lines().stream().map(OutboxShipmentEvents::line)
                        .toList()));
    }

    private static PostalAddress address(ShippingAddress address) {
        return new PostalAddress(address.name(), address.line1(), address.line2(), address.city(), address
                .postalCode(), address.country());
    }

    private static ShipmentDispatched.Line line(ShipmentLine line) {
        return new ShipmentDispatched.Line(line.sku(), line.name(), line.quantity());
    }
}
