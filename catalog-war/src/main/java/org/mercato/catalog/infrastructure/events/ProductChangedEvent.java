package org.mercato.catalog.infrastructure.events;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mercato.platform.money.MoneyJson;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.Variant;

/**
 * {@code ProductChanged} on {@code mercato.catalog} (docs/events.md): the product's state after a committed change,
 * whole, so a consumer needs no call back to the catalog. Consumers keep the highest {@code version} they saw.
 */
public final class ProductChangedEvent {

    public static final String TYPE = "ProductChanged";
    public static final int SCHEMA_VERSION = 1;
    /** Origin of a product made by the demo catalog generator (so inventory can stock it in demo mode). */
    public static final String DEMO = "demo";

    private ProductChangedEvent() {
    }

    /** @param origin "demo" for a generated demo product, else null (left out) */
    public static JsonObject of(Product product, String origin) {
        JsonArrayBuilder variants = Json.createArrayBuilder();
        for (Variant variant : product.variants()) {
            JsonObjectBuilder attributes = Json.createObjectBuilder();
            variant.attributes().forEach(attributes::add);
            variants.add(Json.createObjectBuilder()
                    .add("sku", variant.sku())
                    .add("price", MoneyJson.of(variant.price()))
                    .add("attributes", attributes));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("productId", product.id().toString())
                .add("version", product.version())
                .add("slug", product.slug())
                .add("name", product.name())
                .add("status", product.status().name())
                .add("variants", variants)
                .add("updatedAt", product.updatedAt().toString());
        if (product.brand() != null) {
            json.add("brand", product.brand());
        }
        if (product.category() != null) {
            json.add("category", product.category().slug());
        }
        if (origin != null) {
            json.add("origin", origin);
        }
        return json.build();
    }
}
