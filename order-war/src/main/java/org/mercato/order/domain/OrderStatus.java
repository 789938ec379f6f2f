package org.mercato.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is (DESIGN §2) and where it may go next. The happy path: PENDING, PAID, FULFILLING, SHIPPED,
 * DELIVERED; an order that cannot be paid is FAILED; one stopped before it ships is CANCELLED, and REFUNDED once
 * its money went back.
 */
public enum OrderStatus {
    PENDING, PAID, FULFILLING, SHIPPED, DELIVERED, FAILED, CANCELLED, REFUNDED;

    /** The states this one may move to; anything else is an illegal transition. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PAID, FAILED, CANCELLED);
            case PAID -> EnumSet.of(FULFILLING, CANCELLED);
            case FULFILLING -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED -> EnumSet.of(REFUNDED);
            case FAILED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }
}
