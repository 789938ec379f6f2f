package org.mercato.catalog.domain;

/** Someone else changed the product since the caller read it (optimistic locking). */
public class StaleProductException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public StaleProductException(long expected, long actual) {
        super("the product was changed meanwhile (you edited version " + expected + ", it is now at version "
                + actual + "): reload it and apply your change again");
    }

    /** Another request's edit of the same version was stored first, while this one was being made. */
    public StaleProductException() {
        super("the product was changed by another request meanwhile: reload it and apply your change again");
    }
}
