package org.mercato.messaging.events;

import java.time.Instant;
import java.util.List;

import org.mercato.messaging.Topics;

/**
 * {@code ShipmentDispatched} v1 on {@code mercato.fulfillment}: the parcel left the warehouse with the carrier.
 * The recipient's email and name may be null.
 */
public record ShipmentDispatched(String shipmentId, String orderId, String carrier, String trackingNumber,
        Instant dispatchedAt, Recipient recipient, PostalAddress shippingAddress, List<Line> lines) {

    /** The {@code eventType} header, constant for message selectors. */
    public static final String TYPE = "ShipmentDispatched";
    public static final EventContract<ShipmentDispatched> CONTRACT = new EventContract<>(TYPE, 1,
            Topics.FULFILLMENT, ShipmentDispatched.class);

    public ShipmentDispatched {
        Required.text(shipmentId, "shipmentId");
        Required.text(orderId, "orderId");
        Required.text(carrier, "carrier");
        Required.text(trackingNumber, "trackingNumber");
        Required.present(dispatchedAt, "dispatchedAt");
        Required.present(recipient, "recipient");
        Required.present(shippingAddress, "shippingAddress");
        lines = Required.list(lines, "lines");
    }

    /** Who gets the parcel's email. */
    public record Recipient(@Nullable String email, @Nullable String name) {
    }

    /** A shipped line: SKU, its name at the time of the order, whole units. */
    public record Line(String sku, @Nullable String name, Integer quantity) {

        public Line {
            Required.text(sku, "lines[].sku");
            Required.present(quantity, "lines[].quantity");
        }
    }
}
