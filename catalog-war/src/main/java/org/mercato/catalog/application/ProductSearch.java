package org.mercato.catalog.application;

import java.util.List;
import java.util.Map;

import org.mercato.catalog.domain.ProductStatus;

/** Port to the product search index: full-text with typo tolerance, filters, facets, sorting, suggestions. */
public interface ProductSearch {

    enum Sort {
        RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST
    }

    /**
     * @param attributes "name:value" filters (e.g. "colour:black"): values of one name are alternatives
     *        ("colour:black" or "colour:white"), and every name given must hold
     * @param inStockOnly only products with a variant that inventory says can be bought now
     * @param status only products in this status; null: every status (a staff list). Shoppers' queries are
     *        always {@link ProductStatus#ACTIVE}: the constructors without it say so
     */
    record Query(String text, String category, String brand, List<String> attributes, Long minPrice,
            Long maxPrice, Sort sort, int page, int size, boolean inStockOnly, ProductStatus status) {

        /** A shopper's query: active products only. */
        public Query(String text, String category, String brand, List<String> attributes, Long minPrice,
                Long maxPrice, Sort sort, int page, int size, boolean inStockOnly) {
            this(text, category, brand, attributes, minPrice, maxPrice, sort, page, size, inStockOnly,
                    ProductStatus.ACTIVE);
        }

        /** A shopper's query, in stock or not: active products only. */
        public Query(String text, String category, String brand, List<String> attributes, Long minPrice,
                Long maxPrice, Sort sort, int page, int size) {
            this(text, category, brand, attributes, minPrice, maxPrice, sort, page, size, false);
        }
    }

    /**
     * What a result list shows of a product, straight from the index (no database round trip).
     *
     * @param status null only for a document indexed before the status was stored in the index and listed
     *        without a status filter (a reindex fills it in)
     */
    record Hit(String id, String slug, String name, String brand, String category, long price, String currency,
            boolean inStock, ProductStatus status) {
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
