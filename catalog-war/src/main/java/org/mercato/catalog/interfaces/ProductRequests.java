package org.mercato.catalog.interfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.catalog.domain.Variant;
import org.mercato.platform.json.MultiLine;
import org.mercato.platform.money.Money;

/**
 * The JSON bodies of the staff catalog API, validated before any use case runs; each product of a bulk import is
 * bound to {@link ImportProductBody} and validated by the same rules. Classes with public fields, not records:
 * Payara's OpenAPI generator fails on validation annotations of record constructor parameters. The limits mirror
 * the domain's (which checks them again), so that the generated OpenAPI schemas state them.
 */
public final class ProductRequests {

    private ProductRequests() {
    }

    /**
     * A validation group never validated here: constraints in it only state a limit in the OpenAPI schema, while
     * the domain enforces it with its own answer (a price past {@link Variant#MAX_PRICE} is 422
     * {@code amount-too-large}, docs/api.md, not a 400).
     */
    public interface EnforcedByDomain {
    }

    /** {@code {"amount": 1999, "currency": "EUR"}}: minor units, at most {@link Variant#MAX_PRICE}. */
    public static final class MoneyBody {
        @NotNull
        @PositiveOrZero(message = "must not be negative")
        @Max(value = Variant.MAX_PRICE, groups = EnforcedByDomain.class)
        public Long amount;
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an upper-case ISO 4217 currency code")
        public String currency;

        Money toMoney() {
            return new Money(amount, currency);
        }
    }

    public static final class VariantBody {
        /** Generated when absent (on the product API; an import needs one). */
        @Size(max = 64)
        @Pattern(regexp = "\\s*|\\s*[A-Z0-9][A-Z0-9._-]{0,63}\\s*", message = "must be 1 to 64 upper-case letters, digits, dots, hyphens or underscores")
        public String sku;
        @Size(max = 30)
        public Map<@Size(min = 1, max = 60, groups = EnforcedByDomain.class) String, @Size(min = 1, max = 200, groups = EnforcedByDomain.class) String> attributes;
        @NotNull
        @Valid
        public MoneyBody price;
    }

    /** What every product request holds: the product API's body and each product of an import. */
    public abstract static class ProductFields {
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
        @Pattern(regexp = "DRAFT|ACTIVE", message = "must be DRAFT or ACTIVE")
        public String status;
        /** At most 30; names of 1 to 60 characters, values of 1 to 200 (checked by the domain). */
        @Size(max = 30)
        public Map<@Size(min = 1, max = 60, groups = EnforcedByDomain.class) String, @Size(min = 1, max = 200, groups = EnforcedByDomain.class) String> attributes;

        /**
         * @throws org.mercato.catalog.domain.InvalidProductException for a null variant or attribute value
         */
        static List<ProductDraft.VariantDraft> variantDrafts(List<VariantBody> variants) {
            if (variants == null) {
                return List.of();
            }
            // a null variant goes on as null: the draft refuses it by position
            List<ProductDraft.VariantDraft> drafts = new ArrayList<>(variants.size());
            for (VariantBody v : variants) {
                drafts.add(v == null
                        ? null
                        : new ProductDraft.VariantDraft(v.sku, v.attributes, v.price == null
                                ? null
                                : v.price.toMoney()));
            }
            return drafts;
        }
    }

    public static final class ProductBody extends ProductFields {
        public UUID categoryId;
        @Valid
        public MoneyBody price;
        @Valid
        @Size(max = 100)
        public List<VariantBody> variants;
        /** For updates: the version the staff member edited (or send it as If-Match). */
        public Long version;

        /** @throws org.mercato.catalog.domain.InvalidProductException for a null variant or attribute value */
        ProductDraft toDraft() {
            return new ProductDraft(name, slug, description, brand, categoryId,
                    status == null ? null : ProductStatus.valueOf(status), attributes,
                    price == null ? null : price.toMoney(), variantDrafts(variants));
        }
    }

    /**
     * One product of a bulk import: the product fields, its category by slug, and its variants (each needs a SKU).
     * Without a status it is imported ACTIVE.
     */
    public static final class ImportProductBody extends ProductFields {
        @Size(max = 120)
        public String category;
        @Valid
        @NotEmpty
        @Size(max = 100)
        public List<VariantBody> variants;

        /**
         * The draft without its category (imports name it by slug).
         *
         * @throws org.mercato.catalog.domain.InvalidProductException for a null variant or attribute value
         */
        ProductDraft toDraft() {
            return new ProductDraft(name, slug, description, brand, null,
                    status == null ? ProductStatus.ACTIVE : ProductStatus.valueOf(status), attributes, null,
                    variantDrafts(variants));
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
