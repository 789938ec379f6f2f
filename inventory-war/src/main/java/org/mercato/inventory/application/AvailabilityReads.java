package org.mercato.inventory.application;

import java.util.OptionalLong;

/**
 * Where shoppers' availability reads are cached (a data grid in production). Implementations answer fast or not at
 * all: a slow or failing cache answers empty, and the database is read.
 */
public interface AvailabilityReads {

    /** The cached units available of a SKU, or empty. */
    OptionalLong cached(String sku);

    /** Remembers units just read from the database, unless a change got there first. */
    void remember(String sku, long available);
}
