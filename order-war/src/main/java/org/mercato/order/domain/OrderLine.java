package org.mercato.order.domain;

import org.mercato.platform.money.Money;

/** A SKU bought, at the price the catalog gave when the order was placed. */
public record OrderLine(String sku, String name, int quantity, Money unitPrice) {

    public OrderLine {
        if (quantity < 1) {
            throw new IllegalArgumentException("a line has at least one unit of " + sku);
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("price of " + sku + " must not be negative");
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
