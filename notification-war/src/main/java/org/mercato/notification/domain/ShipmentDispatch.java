package org.mercato.notification.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the shipping email says (ShipmentDispatched): who carries the parcel, how to follow it, what is in it and
 * where it goes. {@code recipientName}, {@code trackingNumber}, {@code shippingAddress} and {@code dispatchedAt}
 * may be null.
 */
public record ShipmentDispatch(String orderId, String shipmentId, String recipientEmail, String recipientName,
        String carrier, String trackingNumber, Address shippingAddress, List<ItemLine> items, Instant dispatchedAt) {

    public ShipmentDispatch {
        items = List.copyOf(items);
    }
}
