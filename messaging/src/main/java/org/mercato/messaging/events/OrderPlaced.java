package org.mercato.messaging.events;

import java.time.Instant;
import java.util.List;

import org.mercato.messaging.Topics;

/**
 * {@code OrderPlaced} v1 on {@code mercato.orders}: a paid order was saved (stock reserved, payment captured).
 * Everything a consumer needs is in it; {@code orderId} is also the id of its stock reservation, {@code cartId}
 * may be null (an order not placed from a cart).
 */
public record OrderPlaced(String orderId, @Nullable String cartId, OrderCustomer customer, List<Line> lines,
        Totals totals,
        PostalAddress shippingAddress, @Nullable String paymentId, Instant placedAt) {

    /** The {@code eventType} header, constant for message selectors. */
    public static final String TYPE = "OrderPlaced";
    public static final EventContract<OrderPlaced> CONTRACT = new EventContract<>(TYPE, 1, Topics.ORDERS,
            OrderPlaced.class);

    public OrderPlaced {
        Required.text(orderId, "orderId");
        Required.present(customer, "customer");
        lines = Required.list(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty");
        }
        Required.present(totals, "totals");
        Required.present(shippingAddress, "shippingAddress");
        Required.present(placedAt, "placedAt");
    }

    /** One line as bought: {@code total} = {@code unitPrice} x {@code quantity} (whole units, at least 1). */
    public record Line(String sku, @Nullable String name, Integer quantity, MonetaryAmount unitPrice,
            MonetaryAmount total) {

        public Line {
            Required.text(sku, "lines[].sku");
            Required.present(quantity, "lines[].quantity");
            if (quantity < 1) {
                throw new IllegalArgumentException("lines[].quantity must be at least 1");
            }
            Required.present(unitPrice, "lines[].unitPrice");
            Required.present(total, "lines[].total");
        }
    }

    /**
     * The order's totals, all in one currency. {@code taxIncluded}: subtotal + shipping = total and tax is the
     * part of it that is tax; otherwise subtotal + shipping + tax = total. Events of the first releases lack
     * {@code taxIncluded}: read as false.
     */
    public record Totals(MonetaryAmount subtotal, MonetaryAmount shipping, MonetaryAmount tax, MonetaryAmount total,
            @Nullable Boolean taxIncluded) {

        public Totals {
            Required.present(subtotal, "totals.subtotal");
            Required.present(shipping, "totals.shipping");
            Required.present(tax, "totals.tax");
            Required.present(total, "totals.total");
            taxIncluded = taxIncluded != null && taxIncluded;
        }
    }
}
