package org.mercato.inventory.domain;

/** Bad input: a malformed SKU, a quantity out of range, an unknown warehouse. */
public class InvalidStockRequestException extends InventoryException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidStockRequestException(String message) {
        this(null, message);
    }

    /** @param field the request parameter or body property at fault */
    public InvalidStockRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request parameter or body property at fault, or null when the message names it. */
    public String field() {
        return field;
    }
}
