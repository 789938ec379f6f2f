package org.mercato.fulfillment.application;

import java.util.List;

import org.mercato.fulfillment.domain.Recipient;
import org.mercato.fulfillment.domain.ShipmentLine;
import org.mercato.fulfillment.domain.ShippingAddress;

/** What a paid order asks the warehouse to send: read from OrderPlaced and checked before anything changes. */
public record NewShipment(String orderId, Recipient recipient, ShippingAddress shippingAddress,
        List<ShipmentLine> lines) {

    public NewShipment {
        lines = List.copyOf(lines);
    }
}
