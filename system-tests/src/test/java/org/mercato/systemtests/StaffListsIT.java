package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lists the staff console reads: products by status (archived ones for staff only, still hidden from shoppers
 * everywhere), the stock list (paging, sorting, low stock, SKU prefix) beside the public availability lookup, and
 * every service's outbox backlog.
 */
@ExtendWith(PlatformExtension.class)
class StaffListsIT {

    /** The services whose WAR includes messaging-outbox. */
    static final List<String> OUTBOX_SERVICES = List.of("catalog", "inventory", "orders", "payments", "fulfillment",
            "notifications", "analytics");

    private static String admin;
    private static String staff;
    private static String customer;

    @BeforeAll
    static void signIn() {
        admin = PlatformExtension.staffToken();
        String staffEmail = "staff-" + UUID.randomUUID() + "@mercato.test";
        Http.Reply created = http().post("/users/api/accounts/staff", "{\"email\":\"" + staffEmail
                + "\",\"password\":\"correct horse battery\",\"name\":\"Stan\",\"roles\":[\"staff\"]}", admin);
        assertEquals(201, created.status(), created.body());
        staff = UserApiIT.login(staffEmail, "correct horse battery").getString("access_token");
        customer = UserApiIT.newSignedInCustomer().getString("access_token");
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    /** Lower-case letters only, so that it is one word to the search analysis and unlike any other. */
    private static String word() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static JsonObject createProduct(String name, String brand, long price) {
        Http.Reply created = http().post("/catalog/api/products", "{\"name\":\"" + name + "\",\"brand\":\"" + brand
                + "\",\"status\":\"ACTIVE\",\"price\":{\"amount\":" + price + ",\"currency\":\"EUR\"}}", staff);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static List<String> names(Http.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").stream().map(i -> i.asJsonObject().getString("name")).toList();
    }

    private static List<String> fieldsNamed(Http.Reply reply) {
        UserApiIT.assertProblem(reply, 400);
        return reply.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    @Test
    void staffListArchivedProductsWhichStayHiddenFromShoppers() {
        String word = word();
        String brand = "Brand" + word;
        String lanternName = word + " Lantern";
        JsonObject lantern = createProduct(lanternName, brand, 3_000);
        createProduct(word + " Candle", brand, 2_000);
        String byBrand = "/catalog/api/products?brand=" + brand;
        Eventually.within(Duration.ofSeconds(20), "both products listed for shoppers",
                () -> names(http().get(byBrand, null)).size() == 2);
        Eventually.within(Duration.ofSeconds(20), "the lantern suggested", () -> http().get(
                "/catalog/api/suggestions?q=" + word, null).body().contains(lanternName));
        assertTrue(http().get("/catalog/api/sitemap", null).body().contains("/p/" + lantern.getString("slug")));

        assertEquals(204, http().delete("/catalog/api/products/" + lantern.getString("id"), staff).status());
        Eventually.within(Duration.ofSeconds(20), "the archived lantern listed for staff",
                () -> names(http().get(byBrand + "&status=archived", staff)).equals(List.of(lanternName)));

        Http.Reply archived = http().get(byBrand + "&status=archived", admin);
        assertEquals(List.of(lanternName), names(archived));
        JsonObject item = archived.json().getJsonArray("items").getJsonObject(0);
        assertEquals("ARCHIVED", item.getString("status"));
        assertEquals(lantern.getString("id"), item.getString("id"));
        assertTrue(archived.header("Cache-Control").contains("no-store"), archived.header("Cache-Control"));
        assertTrue(archived.header("Cache-Control").contains("private"), archived.header("Cache-Control"));

        // combinable with q, brand and sort; "any" shows both with their status
        Http.Reply any = http().get(byBrand + "&status=any&sort=price_desc", staff);
        assertEquals(List.of(lanternName, word + " Candle"), names(any));
        assertEquals(List.of("ARCHIVED", "ACTIVE"), any.json().getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("status")).toList());
        assertEquals(2, any.json().getInt("total"));
        assertEquals(List.of(lanternName), names(http().get("/catalog/api/products?q=" + word
                + "&status=ARCHIVED&sort=newest", staff)));
        assertEquals(List.of(word + " Candle"), names(http().get(byBrand + "&status=active", staff)));

        // shoppers: not in the list, the suggestions, the sitemap, nor by slug; status=active is theirs
        Http.Reply shoppers = http().get(byBrand, null);
        assertEquals(List.of(word + " Candle"), names(shoppers));
        assertEquals("ACTIVE", shoppers.json().getJsonArray("items").getJsonObject(0).getString("status"));
        assertTrue(shoppers.header("Cache-Control").contains("max-age"), shoppers.header("Cache-Control"));
        assertEquals(List.of(word + " Candle"), names(http().get(byBrand + "&status=active", customer)));
        assertFalse(http().get("/catalog/api/suggestions?q=" + word, null).body().contains(lanternName));
        assertFalse(http().get("/catalog/api/sitemap", null).body().contains("/p/" + lantern.getString("slug")));
        UserApiIT.assertProblem(http().get("/catalog/api/products/" + lantern.getString("slug"), null), 404);
        UserApiIT.assertProblem(http().get("/catalog/api/products/" + lantern.getString("slug"), customer), 404);
        Http.Reply staffPage = http().get("/catalog/api/products/" + lantern.getString("slug"), staff);
        assertEquals(200, staffPage.status(), staffPage.body());
        assertEquals("ARCHIVED", staffPage.json().getString("status"));

        for (String status : List.of("archived", "any", "draft")) {
            UserApiIT.assertProblem(http().get(byBrand + "&status=" + status, null), 401);
            UserApiIT.assertProblem(http().get(byBrand + "&status=" + status, customer), 403);
        }
        assertEquals(List.of("status"), fieldsNamed(http().get(byBrand + "&status=deleted", staff)));
        assertEquals(List.of("status"), fieldsNamed(http().get(byBrand + "&status=", null)));
    }

    private static String stockList(String query) {
        return "/inventory/api/stock?" + query;
    }

    private static List<String> skus(Http.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").stream().map(i -> i.asJsonObject().getString("sku")).toList();
    }

    @Test
    void staffPageSortAndFilterTheStockListBesideTheAvailabilityLookup() {
        String prefix = "SL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT) + "-";
        String a = prefix + "A";
        String b = prefix + "B";
        String c = prefix + "C";
        String d = prefix + "D";
        int[] counts = {10, 3, 5, 0};
        List<String> all = List.of(a, b, c, d);
        for (int i = 0; i < all.size(); i++) {
            Http.Reply set = http().put("/inventory/api/stock/" + all.get(i), "{\"onHand\":" + counts[i] + "}",
                    staff);
            assertEquals(200, set.status(), set.body());
        }

        Http.Reply list = http().get(stockList("q=" + prefix.toLowerCase(Locale.ROOT)), staff);
        assertEquals(all, skus(list));
        assertEquals(4, list.json().getInt("total"));
        assertEquals(0, list.json().getInt("page"));
        assertEquals(20, list.json().getInt("size"));
        assertTrue(list.header("Cache-Control").contains("no-store"), list.header("Cache-Control"));
        JsonObject first = list.json().getJsonArray("items").getJsonObject(0);
        assertEquals(a, first.getString("sku"));
        assertEquals("MAIN", first.getString("warehouse"));
        assertEquals(10, first.getInt("onHand"));
        assertEquals(0, first.getInt("reserved"));
        assertEquals(10, first.getInt("available"));
        assertEquals(5, first.getInt("threshold"), "mercato.inventory.low-stock, as the StockLow event uses");
        assertFalse(first.getBoolean("low"));
        assertEquals(List.of(false, true, false, true), list.json().getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getBoolean("low")).toList(), "low: fewer than 5 available");

        assertEquals(List.of(a, c, b, d), skus(http().get(stockList("q=" + prefix + "&sort=-available"), admin)));
        assertEquals(List.of(d, b, c, a), skus(http().get(stockList("q=" + prefix + "&sort=onHand"), staff)));
        assertEquals(List.of(d, c, b, a), skus(http().get(stockList("q=" + prefix + "&sort=-sku"), staff)));
        assertEquals(List.of(b, d), skus(http().get(stockList("q=" + prefix + "&lowStock=true"), staff)));
        Http.Reply threshold = http().get(stockList("q=" + prefix + "&lowStock=true&threshold=6&sort=available"),
                staff);
        assertEquals(List.of(d, b, c), skus(threshold));
        assertEquals(3, threshold.json().getInt("total"));
        assertTrue(threshold.json().getJsonArray("items").stream().allMatch(i -> i.asJsonObject().getInt(
                "threshold") == 6));
        Http.Reply secondPage = http().get(stockList("q=" + prefix + "&page=1&size=3"), staff);
        assertEquals(List.of(d), skus(secondPage));
        assertEquals(4, secondPage.json().getInt("total"));
        assertEquals(1, secondPage.json().getInt("page"));
        assertEquals(3, secondPage.json().getInt("size"));
        assertEquals(List.of(), skus(http().get(stockList("q=" + prefix + "&page=5&size=3"), staff)));
        assertEquals(all, skus(http().get(stockList("q=" + prefix + "&warehouse=MAIN"), staff)));

        // the availability lookup is unchanged and public
        Http.Reply availability = http().get(stockList("sku=" + a + "&sku=" + d), null);
        assertEquals(200, availability.status(), availability.body());
        assertEquals(List.of(a, d), skus(availability));
        assertEquals(10, availability.json().getJsonArray("items").getJsonObject(0).getInt("available"));
        assertFalse(availability.json().getJsonArray("items").getJsonObject(1).getBoolean("inStock"));
        assertFalse(availability.json().containsKey("total"));

        // the list is for staff and admins
        UserApiIT.assertProblem(http().get(stockList("q=" + prefix), null), 401);
        UserApiIT.assertProblem(http().get("/inventory/api/stock", customer), 403);

        // bad parameters: 400 naming them
        assertEquals(List.of("sort"), fieldsNamed(http().get(stockList("sort=price"), staff)));
        assertEquals(List.of("sort"), fieldsNamed(http().get(stockList("sort=-"), staff)));
        assertEquals(List.of("size"), fieldsNamed(http().get(stockList("size=0"), staff)));
        assertEquals(List.of("size"), fieldsNamed(http().get(stockList("size=101"), staff)));
        assertEquals(List.of("page"), fieldsNamed(http().get(stockList("page=-1"), staff)));
        assertEquals(List.of("threshold"), fieldsNamed(http().get(stockList("lowStock=true&threshold=0"), staff)));
        assertEquals(List.of("lowStock"), fieldsNamed(http().get(stockList("lowStock=yes"), staff)));
        assertEquals(List.of("q"), fieldsNamed(http().get(stockList("q=%25"), staff)));
        assertEquals(List.of("warehouse"), fieldsNamed(http().get(stockList("warehouse=NOWHERE"), staff)));
        UserApiIT.assertProblem(http().get(stockList("threshold=abc"), staff), 400);
        assertEquals(List.of("page"), fieldsNamed(http().get(stockList("sku=" + a + "&page=0"), null)));
        UserApiIT.assertProblem(http().get(stockList("sku=" + a.toLowerCase(Locale.ROOT)), null), 400);
    }

    @Test
    void everyServiceWithAnOutboxAnswersItsBacklogToStaff() {
        for (String service : OUTBOX_SERVICES) {
            String path = "/" + service + "/api/outbox";
            for (String token : List.of(staff, admin)) {
                Http.Reply backlog = http().get(path, token);
                assertEquals(200, backlog.status(), service + ": " + backlog.body());
                JsonObject body = backlog.json();
                assertEquals(java.util.Set.of("pending", "retrying", "oldestPendingSeconds"), body.keySet(), service);
                long pending = body.getJsonNumber("pending").longValue();
                long retrying = body.getJsonNumber("retrying").longValue();
                assertTrue(retrying >= 0 && retrying <= pending, service + ": " + body);
                assertEquals(pending == 0, body.get("oldestPendingSeconds").getValueType() == JsonValue.ValueType.NULL,
                        service + ": " + body);
                assertTrue(backlog.header("Cache-Control").contains("no-store"), service);
            }
            UserApiIT.assertProblem(http().get(path, null), 401);
            UserApiIT.assertProblem(http().get(path, customer), 403);
        }
        // services without an outbox have no such path, and still serve their own
        for (String service : List.of("users", "cart")) {
            assertEquals(404, http().get("/" + service + "/api/outbox", admin).status(), service);
            assertEquals(200, http().get("/" + service + "/api/status", admin).status(), service);
        }
    }
}
