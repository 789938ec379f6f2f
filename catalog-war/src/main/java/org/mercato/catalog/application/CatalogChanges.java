package org.mercato.catalog.application;

import org.mercato.catalog.domain.Product;

/** Port: what must follow a product change once it commits (its ProductChanged event, the search index, caches). */
public interface CatalogChanges {

    /** Called inside the changing transaction; acts only if and when it commits. */
    void productChanged(Product product);

    /**
     * Only a variant's stock availability changed (inventory's news): no ProductChanged event; shoppers' cached
     * reads go soon after commit (the news is late by a message already), and the search entry is rebuilt only
     * when {@code searchEntryChanged} (the product as a whole came into or went out of stock).
     */
    void availabilityChanged(Product product, boolean searchEntryChanged);

    /** Many products changed in one transaction (a bulk import batch): as {@link #productChanged}, for each. */
    void productsChanged(java.util.List<Product> products);

    /**
     * Products created while seeding the demo catalog: announced to other services like any change, but not
     * indexed one by one (the index is rebuilt right after).
     */
    void productsSeeded(java.util.List<Product> products);

    /** Runs the action once the current transaction has committed (e.g. deleting a removed image's file). */
    void afterCommit(Runnable action);

    /** Runs the action if the current transaction rolls back (e.g. deleting the file of an image never saved). */
    void afterRollback(Runnable action);

    /** A change that is not one product's (categories): shoppers' cached reads must go once it commits. */
    void catalogChanged();
}
