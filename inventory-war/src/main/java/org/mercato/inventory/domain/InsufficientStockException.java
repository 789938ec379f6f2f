package org.mercato.inventory.domain;

/** Not enough available units to reserve or deduct; nothing was changed. */
public class InsufficientStockException extends InventoryException {

    private static final long serialVersionUID = 1L;
    private final String sku;

    public InsufficientStockException(String sku, long available, int wanted) {
        super("only " + Math.max(0, available) + " of SKU " + sku + " available, " + wanted + " wanted");
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }
}
