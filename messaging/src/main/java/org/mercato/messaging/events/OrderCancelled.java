package org.mercato.messaging.events;

import java.time.Instant;
import java.util.List;

import org.mercato.messaging.Topics;

/**
 * {@code OrderCancelled} v1 on {@code mercato.orders}: staff cancelled an order before it shipped. {@code reason}
 * is {@code ""} when none was given; {@code refunded} tells whether its money was given back.
 */
public record OrderCancelled(String orderId, @Nullable String reason, @Nullable String cancelledBy, Boolean refunded,
        @Nullable OrderCustomer customer, List<Line> lines, @Nullable MonetaryAmount total, Instant cancelledAt) {

    /** The {@code eventType} header, constant for message selectors. */
    public static final String TYPE = "OrderCancelled";
    public static final EventContract<OrderCancelled> CONTRACT = new EventContract<>(TYPE, 1,
            Topics.ORDERS, OrderCancelled.class);

    public OrderCancelled {
        Required.text(orderId, "orderId");
        reason = reason == null ? "" : reason;
        Required.present(refunded, "refunded");
        lines = Required.list(lines, "lines");
        Required.present(cancelledAt, "cancelledAt");
    }

    /** A cancelled line: the SKU and its whole units. */
    public record Line(String sku, Integer quantity) {

        public Line {
            Required.text(sku, "lines[].sku");
            Required.present(quantity, "lines[].quantity");
        }
    }
}
