package org.mercato.inventory.application;

/**
 * Port: what other services and systems learn when a SKU's sellable quantity changes. Called inside the changing
 * transaction; the implementation decides what is worth an event (crossing zero, dropping below the low-stock
 * threshold) and keeps the availability cache honest.
 */
public interface StockEvents {

    void availabilityChanged(String sku, long availableBefore, long availableAfter);
}
