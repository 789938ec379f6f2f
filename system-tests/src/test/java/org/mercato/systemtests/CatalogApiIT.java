package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catalog API over HTTP: staff writes, shoppers' reads, validation and optimistic locking. */
@ExtendWith(PlatformExtension.class)
class CatalogApiIT {

    private static ServiceDatabase db;
    private static String staff;
    private static String customer;

    @BeforeAll
    static void signIn() {
        db = ServiceDatabase.catalog();
        staff = PlatformExtension.staffToken();
        customer = UserApiIT.newSignedInCustomer().getString("access_token");
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String product(String name, String status, long amount, String currency) {
        return "{\"name\":\"" + name + "\",\"description\":\"Closed-back studio headphones\",\"brand\":\"Acme\","
                + "\"status\":\"" + status + "\",\"attributes\":{\"colour\":\"black\"},"
                + "\"price\":{\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}}";
    }

    private static long products() {
        return db.count("select count(*) from product");
    }

    @Test
    void staffCreateAProductThatShoppersCanRead() {
        String name = "Studio Headphones " + UUID.randomUUID().toString().substring(0, 6);
        Http.Reply created = http().post("/catalog/api/products", product(name, "ACTIVE", 12999, "EUR"), staff);
        assertEquals(201, created.status(), created.body());
        JsonObject product = created.json();
        assertNotNull(created.header("Location"));
        assertEquals(1, product.getJsonArray("variants").size(), "a default variant");
        String sku = product.getJsonArray("variants").getJsonObject(0).getString("sku");
        assertTrue(sku.startsWith("MC-"), sku);
        assertEquals(12999, product.getJsonObject("price").getInt("amount"));

        Http.Reply bySlug = http().get("/catalog/api/products/" + product.getString("slug"), null);
        assertEquals(200, bySlug.status(), bySlug.body());
        assertEquals(product.getString("id"), bySlug.json().getString("id"));
        assertTrue(bySlug.header("Cache-Control").contains("max-age=60"));
        String etag = bySlug.header("ETag");
        assertNotNull(etag);

        Http.Reply again = http().send(http().request("/catalog/api/products/" + product.getString("id"), null)
                .header("If-None-Match", etag).GET().build());
        assertEquals(304, again.status());
    }

    @Test
    void draftsAreHiddenFromShoppersButNotFromStaff() {
        Http.Reply created = http().post("/catalog/api/products", product("Secret Prototype", "DRAFT", 100, "EUR"),
                staff);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        UserApiIT.assertProblem(http().get("/catalog/api/products/" + id, null), 404);
        UserApiIT.assertProblem(http().get("/catalog/api/products/" + id, customer), 404);
        assertEquals(200, http().get("/catalog/api/products/" + id, staff).status());
    }

    @Test
    void customersAndAnonymousCannotWrite() {
        long before = products();
        UserApiIT.assertProblem(http().post("/catalog/api/products", product("Nope", "ACTIVE", 100, "EUR"), customer),
                403);
        UserApiIT.assertProblem(http().post("/catalog/api/products", product("Nope", "ACTIVE", 100, "EUR"), null),
                401);
        assertEquals(before, products());
    }

    @Test
    void invalidProductsAre400AndStoreNothing() {
        long before = products();
        UserApiIT.assertProblem(http().post("/catalog/api/products", product("Negative", "ACTIVE", -5, "EUR"),
                staff), 400);
        UserApiIT.assertProblem(http().post("/catalog/api/products", product("Unknown money", "ACTIVE", 5, "XYZ"),
                staff), 400);
        UserApiIT.assertProblem(http().post("/catalog/api/products", product("", "ACTIVE", 5, "EUR"), staff), 400);
        UserApiIT.assertProblem(http().post("/catalog/api/products",
                "{\"description\":\"no name\",\"price\":{\"amount\":5,\"currency\":\"EUR\"}}", staff), 400);
        UserApiIT.assertProblem(http().post("/catalog/api/products", "{\"name\":\"No price\"}", staff), 400);
        UserApiIT.assertProblem(http().post("/catalog/api/products", "{\"name\":", staff), 400);
        assertEquals(before, products());
    }

    @Test
    void nullsInsideArraysAndMapsAre4xxNever500AndStoreNothing() {
        long before = products();
        String price = ",\"price\":{\"amount\":500,\"currency\":\"EUR\"}";
        String variant = "{\"sku\":\"BRK-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase()
                + "\",\"price\":{\"amount\":500,\"currency\":\"EUR\"},\"attributes\":{\"size\":null}}";
        List<String> bodies = List.of("{\"name\":\"Brk\",\"status\":\"DRAFT\",\"variants\":[null]}",
                "{\"name\":\"Brk\",\"status\":\"DRAFT\",\"variants\":[" + variant.replace("null", "\"M\"")
                        + ",null]}",
                "{\"name\":\"Brk\",\"status\":\"DRAFT\",\"attributes\":{\"color\":null}" + price + "}",
                "{\"name\":\"Brk\",\"status\":\"DRAFT\",\"variants\":[" + variant + "]}");
        for (String body : bodies) {
            assertClientError(http().post("/catalog/api/products", body, staff), body);
        }
        assertEquals(before, products());

        Http.Reply created = http().post("/catalog/api/products", product("Null target", "DRAFT", 500, "EUR"), staff);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        for (String body : bodies) {
            String versioned = body.replaceFirst("\\{", "{\"version\":" + created.json().getInt("version") + ",");
            assertClientError(http().put("/catalog/api/products/" + id, versioned, staff), versioned);
        }
        assertEquals(created.json().getInt("version"), http().get("/catalog/api/products/" + id, staff).json()
                .getInt("version"), "unchanged");
    }

    private static void assertClientError(Http.Reply reply, String request) {
        assertTrue(reply.status() == 400 || reply.status() == 422, reply.status() + " for " + request + ": "
                + reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    }

    @Test
    void namesOfOnlyInvisibleCharactersAreBlankAndInputIsNotEchoed() {
        long before = products();
        long categories = db.count("select count(*) from category");
        UserApiIT.assertProblem(http().post("/catalog/api/categories", "{\"name\":\"\\u200b\"}", staff), 400);
        UserApiIT.assertProblem(http().post("/catalog/api/categories", "{\"name\":\"\\u00a0\\u2060\","
                + "\"slug\":\"invisible-" + UUID.randomUUID().toString().substring(0, 6) + "\"}", staff), 400);
        UserApiIT.assertProblem(http().post("/catalog/api/products", product("\\u200b", "DRAFT", 500, "EUR"), staff),
                400);
        UserApiIT.assertProblem(http().post("/catalog/api/products", "{\"name\":\"Attr\",\"attributes\":"
                + "{\"\\u200b\":\"x\"},\"price\":{\"amount\":5,\"currency\":\"EUR\"}}", staff), 400);
        Http.Reply markup = http().post("/catalog/api/products", "{\"name\":\"Attr\",\"attributes\":"
                + "{\"<img src=x onerror=alert(1)>\":\" \"},\"price\":{\"amount\":5,\"currency\":\"EUR\"}}",
                staff);
        UserApiIT.assertProblem(markup, 400);
        assertFalse(markup.body().contains("<img") || markup.body().contains("\\u003cimg"), markup.body());
        Http.Reply bidi = http().post("/catalog/api/products", "{\"name\":\"Attr\",\"attributes\":"
                + "{\"a\\u202egpj.exe\":\"\\u200b\"},\"price\":{\"amount\":5,\"currency\":\"EUR\"}}", staff);
        UserApiIT.assertProblem(bidi, 400);
        assertFalse(bidi.body().contains("\u202e") || bidi.body().toLowerCase().contains("\\u202e"), bidi.body());
        Http.Reply missing = http().get("/catalog/api/products/%3Cimg%20src%3Dx%3E", null);
        UserApiIT.assertProblem(missing, 404);
        assertFalse(missing.body().contains("<img") || missing.body().contains("\\u003cimg"), missing.body());
        assertEquals(before, products());
        assertEquals(categories, db.count("select count(*) from category"));
    }

    @Test
    void aStaleUpdateGets409AndChangesNothing() {
        Http.Reply created = http().post("/catalog/api/products", product("Desk Lamp", "ACTIVE", 4500, "EUR"),
                staff);
        assertEquals(201, created.status(), created.body());
        JsonObject product = created.json();
        String id = product.getString("id");
        long version = product.getJsonNumber("version").longValue();

        // a shopper's read fills the shared cache; the update must not leave it stale
        assertEquals("Desk Lamp", http().get("/catalog/api/products/" + id, null).json().getString("name"));
        String update = product("Desk Lamp Pro", "ACTIVE", 5500, "EUR").replace("}}",
                "},\"version\":" + version + "}");
        Http.Reply updated = http().put("/catalog/api/products/" + id, update, staff);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Desk Lamp Pro", updated.json().getString("name"));
        assertEquals(product.getJsonArray("variants").getJsonObject(0).getString("sku"),
                updated.json().getJsonArray("variants").getJsonObject(0).getString("sku"), "the SKU is kept");

        // a second editor still holding the first version
        Http.Reply stale = http().put("/catalog/api/products/" + id,
                update.replace("Desk Lamp Pro", "Desk Lamp Deluxe"), staff);
        UserApiIT.assertProblem(stale, 409);
        assertEquals("Desk Lamp Pro", http().get("/catalog/api/products/" + id, null).json().getString("name"));

        // If-Match carries the ETag's version instead of the body
        Http.Reply current = http().get("/catalog/api/products/" + id, staff);
        Http.Reply viaIfMatch = http().send(http().request("/catalog/api/products/" + id, staff)
                .header("Content-Type", "application/json").header("If-Match", current.header("ETag"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(product("Desk Lamp Max", "ACTIVE", 5900,
                        "EUR")))
                .build());
        assertEquals(200, viaIfMatch.status(), viaIfMatch.body());
    }

    @Test
    void archivedProductsLeaveTheShop() {
        String id = http().post("/catalog/api/products", product("Old Radio", "ACTIVE", 3000, "EUR"), staff).json()
                .getString("id");
        UserApiIT.assertProblem(http().delete("/catalog/api/products/" + id, customer), 403);
        assertEquals(204, http().delete("/catalog/api/products/" + id, staff).status());
        UserApiIT.assertProblem(http().get("/catalog/api/products/" + id, null), 404);
        assertEquals("ARCHIVED", http().get("/catalog/api/products/" + id, staff).json().getString("status"));
    }

    @Test
    void theFirstStartSeedsTheDemoCatalog() {
        assertTrue(db.count("select count(*) from product where slug like '%-299'") == 1, "the 300th demo product");
        assertTrue(products() >= PlatformExtension.DEMO_PRODUCTS);
        JsonObject electronics = http().get("/catalog/api/categories", null).anyJson().asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(c -> c.getString("slug").equals("electronics")).findFirst()
                .orElseThrow();
        assertEquals(5, electronics.getJsonArray("children").size());
        String slug = db.string("select slug from product where slug like '%-0' and brand is not null limit 1");
        Http.Reply first = http().get("/catalog/api/products/" + slug, null);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.json().getJsonArray("variants").size() >= 1);
        assertEquals("headphones", first.json().getJsonObject("category").getString("slug"));
    }

    @Test
    void categoriesFormATree() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String before = http().get("/catalog/api/categories", null).body(); // cached from here on
        Http.Reply root = http().post("/catalog/api/categories", "{\"name\":\"Audio " + suffix + "\"}", staff);
        assertEquals(201, root.status(), root.body());
        Http.Reply child = http().post("/catalog/api/categories", "{\"name\":\"Headphones " + suffix
                + "\",\"parentId\":\"" + root.json().getString("id") + "\"}", staff);
        assertEquals(201, child.status(), child.body());
        UserApiIT.assertProblem(http().post("/catalog/api/categories", "{\"name\":\"Audio " + suffix + "\"}", staff),
                409);

        Http.Reply tree = http().get("/catalog/api/categories", null);
        assertEquals(200, tree.status());
        assertTrue(!before.contains("audio-" + suffix) && tree.body().contains("audio-" + suffix),
                "the cached tree was cleared when the category was created");
        JsonObject audio = tree.anyJson().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("slug").equals("audio-" + suffix)).findFirst().orElseThrow();
        assertEquals("headphones-" + suffix, audio.getJsonArray("children").getJsonObject(0).getString("slug"));
        assertNotNull(tree.header("ETag"));
    }
}
