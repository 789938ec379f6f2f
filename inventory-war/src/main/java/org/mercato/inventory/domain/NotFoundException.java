package org.mercato.inventory.domain;

public class NotFoundException extends InventoryException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
