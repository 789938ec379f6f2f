package org.mercato.notification.domain;

import java.time.Instant;
import java.util.List;

import org.mercato.platform.money.Money;

/**
 * What the cancellation email says (OrderCancelled). {@code customerName}, {@code reason}, {@code total} and
 * {@code cancelledAt} may be null; {@code refunded} says whether a payment is being given back.
 */
public record OrderCancellation(String orderId, String customerEmail, String customerName, String reason,
        boolean refunded, List<ItemLine> items, Money total, Instant cancelledAt) {

    public OrderCancellation {
        items = List.copyOf(items);
    }
}
