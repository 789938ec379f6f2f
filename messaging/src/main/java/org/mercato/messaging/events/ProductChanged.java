package org.mercato.messaging.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mercato.messaging.Topics;

/**
 * {@code ProductChanged} v1 on {@code mercato.catalog}: a product's whole state after a committed change.
 * {@code version} grows with every change (keep the highest seen); {@code status} is DRAFT, ACTIVE or ARCHIVED;
 * {@code brand}, {@code category} (the leaf category's slug) and {@code origin} ({@code demo} for the generated
 * demo catalog) may be null.
 */
public record ProductChanged(String productId, Long version, String slug, String name, String status,
        @Nullable String brand, @Nullable String category, @Nullable String origin, Instant updatedAt,
        List<Variant> variants) {

    /** The {@code eventType} header, constant for message selectors. */
    public static final String TYPE = "ProductChanged";
    public static final EventContract<ProductChanged> CONTRACT = new EventContract<>(TYPE, 1,
            Topics.CATALOG, ProductChanged.class);
    /** The origin of a product made by the demo catalog generator. */
    public static final String DEMO = "demo";

    public ProductChanged {
        Required.text(productId, "productId");
        Required.present(version, "version");
        Required.text(slug, "slug");
        Required.text(name, "name");
        Required.text(status, "status");
        Required.present(updatedAt, "updatedAt");
        variants = Required.list(variants, "variants");
    }

    /** A sellable variant: its SKU, price (minor units) and own attributes (name to value). */
    public record Variant(String sku, MonetaryAmount price, @Nullable Map<String, String> attributes) {

        public Variant {
            Required.text(sku, "variants[].sku");
            Required.present(price, "variants[].price");
            // the catalog's order of the attributes kept
            attributes = attributes == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        }
    }
}
