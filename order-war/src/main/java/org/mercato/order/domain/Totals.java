package org.mercato.order.domain;

import org.mercato.platform.money.Money;

/**
 * What the shopper pays: lines, shipping, tax, all in one currency (minor units). With {@code taxIncluded} the
 * prices were gross: {@code total = subtotal + shipping} and {@code tax} is the part of the total that is tax;
 * without it, {@code total = subtotal + shipping + tax}.
 */
public record Totals(Money subtotal, Money shipping, Money tax, Money total, boolean taxIncluded) {

    /** @throws IllegalArgumentException when the parts do not make the total, or mix currencies */
    public Totals {
        Money parts = subtotal.plus(shipping);
        if (!taxIncluded) {
            parts = parts.plus(tax);
        }
        if (!parts.equals(total) || !tax.currency().equals(total.currency()) || tax.isNegative()
                || tax.amount() > total.amount()) {
            throw new IllegalArgumentException("totals do not add up: " + subtotal + " + " + shipping + " + " + tax
                    + (taxIncluded ? " (included)" : "") + " against " + total);
        }
    }
}
