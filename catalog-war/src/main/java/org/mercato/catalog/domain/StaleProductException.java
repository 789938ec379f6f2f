package org.mercato.catalog.domain;

/** Someone else changed the product since the caller read it (optimistic locking). */
public class StaleProductException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public StaleProductException(long expected, long actual) {
        super("the product was changed meanwhile (you edited version " + expected + ", it is now at version "
                + actual + "): reload it and apply your change again");
    }
}
