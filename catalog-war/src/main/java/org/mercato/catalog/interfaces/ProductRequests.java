package org.mercato.catalog.interfaces;

import org.mercato.platform.json.MultiLine;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.Money;

/**
 * The JSON bodies of the staff catalog API, validated before any use case runs. Classes with public fields, not
 * records: Payara's OpenAPI generator fails on validation annotations of record constructor parameters.
 */
public final class ProductRequests {

    private ProductRequests() {
    }

    /** {@code {"amount": 1999, "currency": "EUR"}} */
    public static final class MoneyBody {
        @NotNull
        @PositiveOrZero
        public Long amount;
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an upper-case ISO 4217 currency code")
        public String currency;

        Money toMoney() {
            return new Money(amount, currency);
        }
    }

    public static final class VariantBody {
        @Size(max = 64)
        public String sku;
        @Size(max = 30)
        public Map<String, String> attributes;
        @NotNull
        @Valid
        public MoneyBody price;
    }

    public static final class ProductBody {
        @NotBlank
        @Size(max = 200)
        public String name;
        @Size(max = 120)
        public String slug;
        @Size(max = 10_000)
        @MultiLine
        public String description;
        @Size(max = 100)
        public String brand;
        public UUID categoryId;
        @Pattern(regexp = "DRAFT|ACTIVE", message = "must be DRAFT or ACTIVE")
        public String status;
        @Size(max = 30)
        public Map<String, String> attributes;
        @Valid
        public MoneyBody price;
        @Valid
        @Size(max = 100)
        public List<VariantBody> variants;
        /** For updates: the version the staff member edited (or send it as If-Match). */
        public Long version;

        ProductDraft toDraft() {
            List<ProductDraft.VariantDraft> variantDrafts = variants == null
                    ? List.of()
                    : variants.stream().map(v -> new ProductDraft.VariantDraft(v.sku, v.attributes,
                            v.price.toMoney())).toList();
            return new ProductDraft(name, slug, description, brand, categoryId,
                    status == null ? null : ProductStatus.valueOf(status), attributes,
                    price == null ? null : price.toMoney(), variantDrafts);
        }
    }

    public static final class CategoryBody {
        @NotBlank
        @Size(max = 120)
        public String name;
        @Size(max = 120)
        public String slug;
        public UUID parentId;
        public int position;
    }
}
