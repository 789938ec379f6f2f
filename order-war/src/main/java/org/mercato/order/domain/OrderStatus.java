package org.mercato.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is (DESIGN §2) and where it may go next. The happy path: PENDING, PAID, FULFILLING, SHIPPED,
 * DELIVERED; an order that cannot be paid is FAILED; one stopped before it ships is CANCELLED, and REFUNDED once
 * its money went back. Staff may also give the whole payment back through payments without cancelling (goodwill, a
 * lost parcel, a return): so every state in which the order holds the shopper's money (PAID, FULFILLING, SHIPPED,
 * DELIVERED, CANCELLED) may become REFUNDED.
 */
public enum OrderStatus {
    PENDING, PAID, FULFILLING, SHIPPED, DELIVERED, FAILED, CANCELLED, REFUNDED;

    /** The states this one may move to; anything else is an illegal transition. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PAID, FAILED, CANCELLED);
            case PAID -> EnumSet.of(FULFILLING, CANCELLED, REFUNDED);
            case FULFILLING -> EnumSet.of(SHIPPED, CANCELLED, REFUNDED);
            case SHIPPED -> EnumSet.of(DELIVERED, REFUNDED);
            case DELIVERED, CANCELLED -> EnumSet.of(REFUNDED);
            case FAILED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }
}
