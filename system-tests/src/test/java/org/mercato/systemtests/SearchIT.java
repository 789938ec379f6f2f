package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Product search on the Lucene backend, over the demo catalog the platform seeded at its first start. */
@ExtendWith(PlatformExtension.class)
class SearchIT {

    private static String staff;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
    }

    private static JsonObject search(String query) {
        Http.Reply reply = PlatformExtension.http().get("/catalog/api/products?" + query, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<JsonObject> items(JsonObject result) {
        return result.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    private static Set<String> facetValues(JsonObject result, String facet) {
        return result.getJsonObject("facets").getJsonArray(facet).stream()
                .map(v -> v.asJsonObject().getString("value")).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aMisspelledWordFindsTheIntendedProductsWithFacets() {
        JsonObject result = search("q=hedphones&size=50");
        assertTrue(result.getInt("total") > 0, result.toString());
        items(result).forEach(item -> assertTrue(item.getString("name").toLowerCase().contains("headphones"),
                item.getString("name")));
        assertEquals(Set.of("headphones"), facetValues(result, "category"));
        assertFalse(facetValues(result, "brand").isEmpty());
        assertEquals(5, result.getJsonObject("facets").getJsonArray("price").size());
    }

    @Test
    void accentsFoldAndWordsStem() {
        // exact (accent-folded) matches rank above fuzzy ones such as the colour "cream"
        items(search("q=creme&size=5")).forEach(item -> assertTrue(item.getString("name").contains("Crème"),
                item.getString("name")));
        assertTrue(search("q=creme").getInt("total") > 0);
        // "headphone" (singular) finds "Headphones" through stemming
        assertEquals(search("q=headphones").getInt("total"), search("q=headphone").getInt("total"));
    }

    @Test
    void filtersBySubtreePriceAndBrand() {
        JsonObject electronics = search("category=electronics&size=100");
        assertTrue(Set.of("headphones", "speakers", "laptops", "phones", "cameras")
                .containsAll(facetValues(electronics, "category")), electronics.getJsonObject("facets").toString());
        assertTrue(facetValues(electronics, "category").size() > 1);

        items(search("minPrice=5000&maxPrice=10000&size=100")).forEach(item -> {
            long price = item.getJsonObject("price").getJsonNumber("amount").longValue();
            assertTrue(price >= 5000 && price <= 10000, item.toString());
        });
        items(search("brand=Sonora&size=100")).forEach(item -> assertEquals("Sonora", item.getString("brand")));

        List<JsonObject> leather = items(search("category=shoes&attribute=material:leather&size=10"));
        assertFalse(leather.isEmpty());
        for (JsonObject item : leather) {
            JsonObject detail = PlatformExtension.http().get("/catalog/api/products/" + item.getString("id"), null)
                    .json();
            assertEquals("leather", detail.getJsonObject("attributes").getString("material"), detail.toString());
        }
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/products?attribute=leather", null), 400);

        // attribute facets count name:value pairs; two values of one attribute are alternatives
        JsonObject shoes = search("category=shoes&size=100");
        List<String> materials = facetValues(shoes, "attribute").stream().filter(v -> v.startsWith("material:"))
                .toList();
        assertTrue(materials.size() > 1, shoes.getJsonObject("facets").toString());
        long either = search("category=shoes&attribute=" + materials.get(0) + "&attribute=" + materials.get(1)
                + "&size=1").getJsonNumber("total").longValue();
        long first = search("category=shoes&attribute=" + materials.get(0) + "&size=1").getJsonNumber("total")
                .longValue();
        long second = search("category=shoes&attribute=" + materials.get(1) + "&size=1").getJsonNumber("total")
                .longValue();
        assertEquals(first + second, either, "a shoe has one material: " + materials);
        JsonObject chosen = search("category=shoes&attribute=" + materials.get(0) + "&size=1");
        assertTrue(facetValues(chosen, "attribute").contains(materials.get(1)),
                "the other materials still count with one chosen: " + chosen.getJsonObject("facets"));
    }

    @Test
    void sortsAndPages() {
        List<Long> prices = items(search("category=fashion&sort=price_asc&size=50")).stream()
                .map(item -> item.getJsonObject("price").getJsonNumber("amount").longValue()).toList();
        for (int i = 1; i < prices.size(); i++) {
            assertTrue(prices.get(i - 1) <= prices.get(i), prices.toString());
        }
        String firstOfPage0 = items(search("sort=price_desc&page=0&size=10")).get(0).getString("id");
        String firstOfPage1 = items(search("sort=price_desc&page=1&size=10")).get(0).getString("id");
        assertNotEquals(firstOfPage0, firstOfPage1);
    }

    @Test
    void suggestionsCompleteWhatIsTyped() {
        Http.Reply reply = PlatformExtension.http().get("/catalog/api/suggestions?q=sono", null);
        assertEquals(200, reply.status());
        JsonArray suggestions = reply.json().getJsonArray("suggestions");
        assertFalse(suggestions.isEmpty());
        suggestions.forEach(s -> assertTrue(s.toString().contains("Sonora"), s.toString()));
    }

    @Test
    void aNewProductIsSearchableWithinTwoSecondsAndAnArchivedOneIsNot() throws Exception {
        String word = "Qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Http.Reply created = PlatformExtension.http().post("/catalog/api/products", "{\"name\":\"" + word
                + " Turntable\",\"status\":\"ACTIVE\",\"price\":{\"amount\":29900,\"currency\":\"EUR\"}}", staff);
        assertEquals(201, created.status(), created.body());
        long deadline = System.nanoTime() + 2_000_000_000L;
        int found = 0;
        while (found == 0 && System.nanoTime() < deadline) {
            found = search("q=" + word).getInt("total");
            Thread.sleep(50);
        }
        assertEquals(1, found, "searchable within 2 s");
        assertEquals(204, PlatformExtension.http().delete("/catalog/api/products/" + created.json().getString("id"),
                staff).status());
        Eventually.within(java.time.Duration.ofSeconds(2), "the archived product leaving search",
                () -> search("q=" + word).getInt("total") == 0);
    }

    @Test
    void badSearchParametersAre400() {
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/products?sort=cheapest", null), 400);
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/products?size=1000", null), 400);
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/products?minPrice=10&maxPrice=5", null),
                400);
        // a parameter that is not a number is the client's mistake (400 naming it), not an unknown resource
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/products?minPrice=abc", null), 400);
    }
}
