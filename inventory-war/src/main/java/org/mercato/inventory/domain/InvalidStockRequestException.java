package org.mercato.inventory.domain;

/** Bad input: a malformed SKU, a quantity out of range, an unknown warehouse. */
public class InvalidStockRequestException extends InventoryException {

    private static final long serialVersionUID = 1L;

    public InvalidStockRequestException(String message) {
        super(message);
    }
}
