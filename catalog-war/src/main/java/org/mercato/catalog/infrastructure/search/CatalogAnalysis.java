package org.mercato.catalog.infrastructure.search;

/**
 * Names of the analyzers product text goes through, defined the same way for each backend
 * ({@link LuceneCatalogAnalysis}, {@link ElasticsearchCatalogAnalysis}): accents folded ("creme" finds "Crème"),
 * English stemming ("headphone" finds "headphones"), and edge n-grams for search-as-you-type.
 */
public final class CatalogAnalysis {

    public static final String TEXT = "catalog_text";
    public static final String AUTOCOMPLETE = "catalog_autocomplete";
    public static final String AUTOCOMPLETE_QUERY = "catalog_autocomplete_query";
    public static final String KEYWORD = "catalog_keyword";

    /** Longest prefix that search-as-you-type matches on. */
    static final int MAX_PREFIX = 20;

    private CatalogAnalysis() {
    }
}
