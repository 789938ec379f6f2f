package org.mercato.fulfillment.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a shipment is in the warehouse and where it may go next: NEW, PICKED, PACKED, DISPATCHED (handed to the
 * carrier), DELIVERED; CANCELLED while it is still in the warehouse. Once the carrier has it, it cannot be
 * cancelled: that would be a return, not a cancellation.
 */
public enum ShipmentStatus {
    NEW, PICKED, PACKED, DISPATCHED, DELIVERED, CANCELLED;

    /** The states this one may move to; anything else is an illegal step. */
    public Set<ShipmentStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(PICKED, CANCELLED);
            case PICKED -> EnumSet.of(PACKED, CANCELLED);
            case PACKED -> EnumSet.of(DISPATCHED, CANCELLED);
            case DISPATCHED -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(ShipmentStatus.class);
        };
    }

    public boolean canMoveTo(ShipmentStatus target) {
        return next().contains(target);
    }

    /** Still in the warehouse: it can be worked on or cancelled. */
    public boolean isOpen() {
        return this == NEW || this == PICKED || this == PACKED;
    }
}
