package org.mercato.order.domain;

import org.mercato.platform.money.Money;

/** What the shopper pays: lines, shipping, tax, all in one currency. */
public record Totals(Money subtotal, Money shipping, Money tax, Money total) {
}
