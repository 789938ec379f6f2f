package org.mercato.messaging.events;

import java.time.Instant;

import org.mercato.messaging.Topics;

/** {@code ShipmentCreated} v1 on {@code mercato.fulfillment}: the warehouse has the order. */
public record ShipmentCreated(String shipmentId, String orderId, Instant createdAt) {

    /** The {@code eventType} header, constant for message selectors. */
    public static final String TYPE = "ShipmentCreated";
    public static final EventContract<ShipmentCreated> CONTRACT = new EventContract<>(TYPE, 1,
            Topics.FULFILLMENT, ShipmentCreated.class);

    public ShipmentCreated {
        Required.text(shipmentId, "shipmentId");
        Required.text(orderId, "orderId");
        Required.present(createdAt, "createdAt");
    }
}
