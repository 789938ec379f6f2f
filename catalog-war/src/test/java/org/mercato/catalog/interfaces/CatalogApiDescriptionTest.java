package org.mercato.catalog.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.mercato.catalog.domain.Variant;
import org.mercato.platform.openapi.ApiDescription;

/** What the generated OpenAPI document says about the catalog's request bodies. */
class CatalogApiDescriptionTest {

    private static final JsonObject API = ApiDescription.of("catalog", "test", List.of(ImportResource.class,
            ProductResource.class, CategoryResource.class));

    private static JsonObject schema(String name) {
        return API.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }

    @Test
    void theImportTakesCsvAndJson() {
        JsonObject content = API.getJsonObject("paths").getJsonObject("/catalog/api/imports").getJsonObject("post")
                .getJsonObject("requestBody").getJsonObject("content");
        assertEquals(Set.of("text/csv", "text/plain", "application/json"), content.keySet());
        assertEquals("string", content.getJsonObject("text/csv").getJsonObject("schema").getString("type"));
        JsonObject json = content.getJsonObject("application/json").getJsonObject("schema");
        assertEquals("array", json.getString("type"), "a JSON import is an array of products: " + json);
        assertEquals("#/components/schemas/ProductRequestsVariantBody", json.getJsonObject("items").getJsonObject(
                "properties").getJsonObject("variants").getJsonObject("items").getString("$ref"));
    }

    @Test
    void attributeNamesAndValuesStateTheDomainsLimits() {
        JsonObject attributes = schema("ProductRequestsProductBody").getJsonObject("properties").getJsonObject(
                "attributes");
        assertEquals(60, attributes.getJsonObject("propertyNames").getInt("maxLength"), attributes.toString());
        assertEquals(200, attributes.getJsonObject("additionalProperties").getInt("maxLength"));
    }

    @Test
    void priceAmountsStateTheDomainsMaximum() {
        JsonObject amount = schema("ProductRequestsMoneyBody").getJsonObject("properties").getJsonObject("amount");
        assertEquals(0, amount.getJsonNumber("minimum").longValue());
        assertEquals(Variant.MAX_PRICE, amount.getJsonNumber("maximum").longValue());
    }

    @Test
    void productBodiesKeepTheirFieldsAndLimits() {
        JsonObject properties = schema("ProductRequestsProductBody").getJsonObject("properties");
        assertEquals(Set.of("name", "slug", "description", "brand", "status", "attributes", "categoryId", "price",
                "variants", "version"), properties.keySet());
        assertEquals(200, properties.getJsonObject("name").getInt("maxLength"));
        assertEquals(30, properties.getJsonObject("attributes").getInt("maxProperties"));
        assertTrue(schema("ProductRequestsVariantBody").getJsonObject("properties").getJsonObject("sku")
                .getString("x-pattern").contains("[A-Z0-9._-]{0,63}"));
    }
}
