package org.mercato.catalog.domain;

public class ImageNotFoundException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public ImageNotFoundException(String reference) {
        super("image " + reference + " does not exist");
    }
}
