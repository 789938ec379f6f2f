package org.mercato.catalog.domain;

public class CategoryNotFoundException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public CategoryNotFoundException(String reference) {
        super("category " + reference + " does not exist");
    }
}
