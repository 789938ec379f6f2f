package org.mercato.fulfillment.domain;

/** The shipment is not in a state that allows this step (e.g. packing what was never picked, cancelling a parcel the carrier has). */
public class IllegalShipmentStepException extends FulfillmentException {

    private static final long serialVersionUID = 1L;
    private final ShipmentStatus from;
    private final ShipmentStatus to;

    public IllegalShipmentStepException(Object shipmentId, ShipmentStatus from, ShipmentStatus to) {
        super(409, "illegal-shipment-step", "shipment " + shipmentId + " is " + from + " and cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public ShipmentStatus from() {
        return from;
    }

    public ShipmentStatus to() {
        return to;
    }
}
