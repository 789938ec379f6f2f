package org.mercato.catalog.domain;

/** A product or category that breaks a catalog rule; the message is safe to show to staff. */
public class InvalidProductException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public InvalidProductException(String message) {
        super(message);
    }
}
