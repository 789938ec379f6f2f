package org.mercato.notification.domain;

import java.time.Instant;
import java.util.List;

import org.mercato.platform.money.Money;

/**
 * What the confirmation email says about a placed order (OrderPlaced): the lines at the prices paid, the totals
 * and where it goes. {@code customerName} and {@code placedAt} may be null.
 */
public record OrderConfirmation(String orderId, String customerEmail, String customerName, List<Line> lines,
        Totals totals, Address shippingAddress, Instant placedAt) {

    public OrderConfirmation {
        lines = List.copyOf(lines);
    }

    /** One line of the order; {@code total} is {@code unitPrice} times {@code quantity}, as the order computed it. */
    public record Line(String sku, String name, int quantity, Money unitPrice, Money total) {

        public String label() {
            return new ItemLine(sku, name, quantity).label();
        }
    }

    /**
     * All in one currency. With {@code taxIncluded} (gross prices) {@code subtotal + shipping = total} and
     * {@code tax} is the part of the total that is tax; without it, {@code subtotal + shipping + tax = total}.
     */
    public record Totals(Money subtotal, Money shipping, Money tax, Money total, boolean taxIncluded) {
    }
}
