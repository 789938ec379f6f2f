package org.mercato.cart.domain;

import org.mercato.platform.money.Money;

/**
 * A SKU in the cart with its quantity, and what the shopper saw when adding it (name, unit price): shown, marked
 * stale, when the catalog cannot be asked.
 */
public record CartLine(String sku, int quantity, String name, Money unitPrice) {

    public CartLine withQuantity(int newQuantity) {
        return new CartLine(sku, newQuantity, name, unitPrice);
    }
}
