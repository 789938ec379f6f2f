package org.mercato.inventory.domain;

/** An inventory rule refused a request. */
public abstract class InventoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected InventoryException(String message) {
        super(message, null, false, false);
    }
}
