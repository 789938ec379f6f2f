package org.mercato.catalog.domain;

public class ProductNotFoundException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public ProductNotFoundException(String reference) {
        // the reference comes from the request: quoted only when it has the shape of an id or a slug
        super("product " + (reference != null && reference.length() <= 120
                && (Slugs.VALID.matcher(reference).matches() || reference.matches("[0-9a-fA-F-]{36}"))
                        ? reference + " "
                        : "")
                + "does not exist");
    }
}
