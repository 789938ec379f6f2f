package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * What the product editor holds: the product's fields, its attributes and its variants (SKU, attributes, price),
 * read from and written as the catalog API's JSON. Prices are typed in major units (12.50) and sent in minor
 * units.
 */
public class ProductForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String slug;
    private String description;
    private String brand;
    private String categoryId;
    private String status = "ACTIVE";
    private String currency = "EUR";
    private Long version;
    private List<Formats.Pair> attributes = new ArrayList<>();
    private List<VariantRow> variants = new ArrayList<>(List.of(new VariantRow()));

    /** One variant as a row of the editor: attributes typed as {@code colour=black, size=M}. */
    public static class VariantRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String sku;
        private String attributes;
        private BigDecimal price;

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
        }

        public String getAttributes() {
            return attributes;
        }

        public void setAttributes(String attributes) {
            this.attributes = attributes;
        }

        public BigDecimal getPrice() {
            return price;
        }

        public void setPrice(BigDecimal price) {
            this.price = price;
        }
    }

    /** The editor filled from the catalog's product JSON. */
    static ProductForm of(JsonObject product) {
        ProductForm form = new ProductForm();
        form.name = product.getString("name");
        form.slug = product.getString("slug", null);
        form.description = text(product, "description");
        form.brand = text(product, "brand");
        JsonValue category = product.get("category");
        form.categoryId = category instanceof JsonObject c ? c.getString("id") : null;
        form.status = product.getString("status");
        form.version = product.getJsonNumber("version").longValue();
        form.attributes = new ArrayList<>();
        product.getJsonObject("attributes").forEach((k, v) -> form.attributes.add(new Formats.Pair(k, String.valueOf(
                JsonELResolver.unwrap(v)))));
        form.variants = new ArrayList<>();
        for (JsonObject variant : product.getJsonArray("variants").getValuesAs(JsonObject.class)) {
            VariantRow row = new VariantRow();
            row.sku = variant.getString("sku");
            List<String> pairs = new ArrayList<>();
            variant.getJsonObject("attributes").forEach((k, v) -> pairs.add(k + "=" + JsonELResolver.unwrap(v)));
            row.attributes = String.join(", ", pairs);
            JsonObject price = variant.getJsonObject("price");
            form.currency = price.getString("currency");
            row.price = Formats.decimal(price.getJsonNumber("amount").longValue(), form.currency);
            form.variants.add(row);
        }
        return form;
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : json.getString(name);
    }

    /**
     * The catalog API's product body.
     *
     * @throws IllegalArgumentException with a message for the editor when a row cannot be read
     */
    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", strip(name));
        optional(json, "slug", slug);
        optional(json, "description", description);
        optional(json, "brand", brand);
        optional(json, "categoryId", categoryId);
        if (status != null && (status.equals("DRAFT") || status.equals("ACTIVE"))) {
            json.add("status", status);
        }
        JsonObjectBuilder attrs = Json.createObjectBuilder();
        for (Formats.Pair pair : attributes) {
            if (pair.getName() != null && !pair.getName().isBlank()) {
                attrs.add(pair.getName().strip(), pair.getValue() == null ? "" : pair.getValue().strip());
            }
        }
        json.add("attributes", attrs);
        JsonArrayBuilder rows = Json.createArrayBuilder();
        int line = 0;
        for (VariantRow row : variants) {
            line++;
            if (row.price == null) {
                throw new IllegalArgumentException("Variant " + line + " needs a price.");
            }
            long minor;
            try {
                minor = OrderPage.toMinor(row.price, currency);
            } catch (ArithmeticException tooPrecise) {
                throw new IllegalArgumentException("Variant " + line + ": the price has more decimals than "
                        + currency + " has.");
            }
            JsonObjectBuilder variant = Json.createObjectBuilder();
            optional(variant, "sku", row.sku == null ? null : row.sku.strip().toUpperCase(java.util.Locale.ROOT));
            JsonObjectBuilder variantAttributes = Json.createObjectBuilder();
            parseAttributes(row.attributes, line).forEach(variantAttributes::add);
            variant.add("attributes", variantAttributes).add("price", Json.createObjectBuilder().add("amount", minor)
                    .add("currency", currency));
            rows.add(variant);
        }
        json.add("variants", rows);
        if (version != null) {
            json.add("version", version);
        }
        return json.build();
    }

    /** {@code colour=black, size=M} as an ordered map; a part without "=" is refused. */
    static Map<String, String> parseAttributes(String text, int line) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return parsed;
        }
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0 || equals == part.length() - 1) {
                throw new IllegalArgumentException("Variant " + line + ": write attributes as name=value, "
                        + "separated by commas (colour=black, size=M).");
            }
            parsed.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
        }
        return parsed;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null && !value.isBlank()) {
            json.add(name, value.strip());
        }
    }

    public void addVariant() {
        variants.add(new VariantRow());
    }

    public void removeVariant(VariantRow row) {
        if (variants.size() > 1) {
            variants.remove(row);
        }
    }

    public void addAttribute() {
        attributes.add(new Formats.Pair("", ""));
    }

    public void removeAttribute(Formats.Pair pair) {
        attributes.remove(pair);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getBrand() {
        return brand;
    }

    public void setBrand(String brand) {
        this.brand = brand;
    }

    public String getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(String categoryId) {
        this.categoryId = categoryId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Long getVersion() {
        return version;
    }

    public List<Formats.Pair> getAttributes() {
        return attributes;
    }

    public List<VariantRow> getVariants() {
        return variants;
    }
}
