package org.mercato.catalog.domain;

/** A catalog rule refused a request. */
public abstract class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected CatalogException(String message) {
        super(message, null, false, false);
    }
}
