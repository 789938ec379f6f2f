package org.mercato.cart.application;

import java.util.List;

import org.mercato.cart.domain.Cart;
import org.mercato.platform.money.Money;

/**
 * A cart as the shopper sees it: each line with the current price and availability when the catalog and inventory
 * answered, or with what the shopper saw when adding it, marked stale, when they did not.
 *
 * @param subtotal null when lines are in different currencies
 */
public record CartView(Cart cart, List<Line> lines, Money subtotal, boolean priceStale, boolean stockStale) {

    /** @param available null when inventory did not answer */
    public record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal, Long available,
            boolean sellable) {
    }
}
