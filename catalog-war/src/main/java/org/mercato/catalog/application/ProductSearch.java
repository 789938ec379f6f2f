package org.mercato.catalog.application;

import java.util.List;
import java.util.Map;

/** Port to the product search index: full-text with typo tolerance, filters, facets, sorting, suggestions. */
public interface ProductSearch {

    enum Sort {
        RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST
    }

    /**
     * @param attributes "name:value" filters (e.g. "colour:black"): values of one name are alternatives
     *        ("colour:black" or "colour:white"), and every name given must hold
     * @param inStockOnly only products with a variant that inventory says can be bought now
     */
    record Query(String text, String category, String brand, List<String> attributes, Long minPrice,
            Long maxPrice, Sort sort, int page, int size, boolean inStockOnly) {

        public Query(String text, String category, String brand, List<String> attributes, Long minPrice,
                Long maxPrice, Sort sort, int page, int size) {
            this(text, category, brand, attributes, minPrice, maxPrice, sort, page, size, false);
        }
    }

    /** What a result list shows of a product, straight from the index (no database round trip). */
    record Hit(String id, String slug, String name, String brand, String category, long price, String currency,
            boolean inStock) {
    }

    /** One facet value and how many matching products have it. */
    record Facet(String value, long count) {
    }

    /**
     * @param facets by kind: "brand", "category", "price" (buckets of minor units "2500-5000", open ends "*") and
     *        "attribute" ("name:value", lower-cased as indexed), each counted over all matches
     */
    record Result(List<Hit> items, long total, Map<String, List<Facet>> facets) {
    }

    Result search(Query query);

    /** Product names completing what the shopper has typed so far. */
    List<String> suggest(String prefix, int max);
}
