package org.mercato.catalog.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mercato.platform.money.Money;

/**
 * What staff submit for a product. Without variants, {@code price} makes one default variant with its own SKU.
 */
public record ProductDraft(String name, String slug, String description, String brand, UUID categoryId,
        ProductStatus status, Map<String, String> attributes, Money price, List<VariantDraft> variants) {

    public ProductDraft {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        variants = variants == null ? List.of() : List.copyOf(variants);
        status = status == null ? ProductStatus.DRAFT : status;
    }

    /** One sellable variant: its SKU (generated when null), what tells it apart (size, colour) and its price. */
    public record VariantDraft(String sku, Map<String, String> attributes, Money price) {

        public VariantDraft {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }
    }
}
