package org.mercato.catalog.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mercato.platform.money.Money;

/**
 * What staff submit for a product. Without variants, {@code price} makes one default variant with its own SKU.
 *
 * @throws InvalidProductException when an attribute has no name or no value, or a variant is missing (null)
 */
public record ProductDraft(String name, String slug, String description, String brand, UUID categoryId,
        ProductStatus status, Map<String, String> attributes, Money price, List<VariantDraft> variants) {

    public ProductDraft {
        attributes = checkedAttributes(attributes, "");
        if (variants == null) {
            variants = List.of();
        } else {
            List<VariantDraft> copy = new ArrayList<>(variants.size());
            for (VariantDraft variant : variants) {
                if (variant == null) {
                    throw new InvalidProductException("variant " + (copy.size() + 1) + " is empty (null)");
                }
                copy.add(variant);
            }
            variants = Collections.unmodifiableList(copy);
        }
        status = status == null ? ProductStatus.DRAFT : status;
    }

    /**
     * One sellable variant: its SKU (generated when null), what tells it apart (size, colour) and its price.
     *
     * @throws InvalidProductException when an attribute has no name or no value
     */
    public record VariantDraft(String sku, Map<String, String> attributes, Money price) {

        public VariantDraft {
            attributes = checkedAttributes(attributes, "variant ");
        }
    }

    /** A copy in the given order, refusing null names and values (Map.copyOf would throw a bare NPE). */
    private static Map<String, String> checkedAttributes(Map<String, String> attributes, String whose) {
        if (attributes == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (name == null) {
                throw new InvalidProductException(whose + "attribute names must have 1 to " + Attributes.MAX_NAME
                        + " characters");
            }
            if (value == null) {
                throw new InvalidProductException(whose + "attribute " + Names.shown(name) + " needs a value of 1 to "
                        + Attributes.MAX_VALUE + " characters, not null");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
