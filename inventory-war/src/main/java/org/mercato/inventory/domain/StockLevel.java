package org.mercato.inventory.domain;

/** Units of a SKU in one warehouse: on the shelf, held for orders, and what can still be sold. */
public record StockLevel(String sku, String warehouse, int onHand, int reserved) {

    public int available() {
        return onHand - reserved;
    }
}
