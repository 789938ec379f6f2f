package org.mercato.catalog.application;

/** Port: rebuilding the product search index from the catalog database (after the demo catalog is seeded). */
public interface SearchIndexRebuild {

    /**
     * Rebuilds the whole index, logging progress.
     *
     * @return the number of products indexed
     * @throws ReindexRunningException while another rebuild runs
     */
    long reindex();

    /** How many products the index holds now. */
    long indexed();
}
