package org.mercato.fulfillment.application;

import org.mercato.fulfillment.domain.Shipment;

/**
 * Port: what other services learn about shipments (ShipmentCreated, ShipmentDispatched), saved in the transaction
 * of the change (the outbox), so an event is never lost nor sent for a change that rolled back.
 */
public interface ShipmentEvents {

    void created(Shipment shipment);

    void dispatched(Shipment shipment);
}
