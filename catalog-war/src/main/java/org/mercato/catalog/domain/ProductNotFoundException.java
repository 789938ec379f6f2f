package org.mercato.catalog.domain;

public class ProductNotFoundException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public ProductNotFoundException(String reference) {
        super("product " + reference + " does not exist");
    }
}
