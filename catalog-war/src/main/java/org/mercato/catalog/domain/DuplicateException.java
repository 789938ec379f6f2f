package org.mercato.catalog.domain;

/** A slug or SKU that another product or category already uses. */
public class DuplicateException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public DuplicateException(String message) {
        super(message);
    }
}
