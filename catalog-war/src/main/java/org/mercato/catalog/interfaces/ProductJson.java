package org.mercato.catalog.interfaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.mercato.catalog.application.ProductImport;
import org.mercato.platform.json.JsonLimits;
import org.mercato.platform.problem.ProblemException;

/**
 * Reads a JSON import: an array of products, each with its variants. They become the same rows as a CSV (one
 * per variant); a row's "line" is the product's 1-based position in the array.
 */
final class ProductJson {

    private ProductJson() {
    }

    static List<ProductImport.Row> parse(String text) {
        // the platform's parser limits (depth, lengths) apply to an import as to any body
        JsonValue document = JsonLimits.parse(text);
        if (document == null || document.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ProblemException.badRequest("malformed-json", "the import must be a JSON array of products");
        }
        JsonArray products = document.asJsonArray();
        if (products.isEmpty()) {
            throw ProblemException.badRequest("invalid-import", "the import holds no product");
        }
        List<ProductImport.Row> rows = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            int position = i + 1;
            JsonValue value = products.get(i);
            Map<String, String> common = new HashMap<>();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                // an empty row: ProductImport rejects it, with its position, for the missing slug
                rows.add(new ProductImport.Row(position, common));
                continue;
            }
            JsonObject product = value.asJsonObject();
            for (String field : List.of("slug", "name", "description", "brand", "category", "status")) {
                put(common, field, product.get(field));
            }
            common.put("attributes", pairs(product.get("attributes")));
            JsonValue variants = product.get("variants");
            if (variants == null || variants.getValueType() != JsonValue.ValueType.ARRAY
                    || variants.asJsonArray().isEmpty()) {
                rows.add(new ProductImport.Row(position, common));
                continue;
            }
            for (JsonValue variant : variants.asJsonArray()) {
                Map<String, String> row = new HashMap<>(common);
                if (variant.getValueType() == JsonValue.ValueType.OBJECT) {
                    JsonObject v = variant.asJsonObject();
                    put(row, "sku", v.get("sku"));
                    JsonValue price = v.get("price");
                    if (price != null && price.getValueType() == JsonValue.ValueType.OBJECT) {
                        put(row, "price", price.asJsonObject().get("amount"));
                        put(row, "currency", price.asJsonObject().get("currency"));
                    }
                    row.put("variant_attributes", pairs(v.get("attributes")));
                }
                rows.add(new ProductImport.Row(position, row));
            }
        }
        return rows;
    }

    private static void put(Map<String, String> row, String field, JsonValue value) {
        if (value instanceof JsonString string) {
            row.put(field, string.getString());
        } else if (value instanceof JsonNumber number) {
            row.put(field, number.isIntegral() ? number.bigIntegerValue().toString() : number.toString());
        }
    }

    /** {"size":"M"} as the CSV's "size=M". */
    private static String pairs(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            return "";
        }
        return value.asJsonObject().entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof JsonString s
                        ? s.getString()
                        : e.getValue().toString()))
                .collect(Collectors.joining(";"));
    }
}
