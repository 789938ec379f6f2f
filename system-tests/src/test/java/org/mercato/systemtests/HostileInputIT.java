package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10's kinds of fault, each tried on several endpoints as careless clients and attackers send them: two
 * checkouts of one cart, replays of requests that move stock, loose JSON numbers, unknown properties, paging past
 * the limits, control characters, money past its maximum, foreign currencies, deep nesting, emails with spaces,
 * optional filters, and readiness. Every refusal is a 4xx problem+json that names what was wrong and changes
 * nothing (checked in the service's database where a change could hide).
 */
@ExtendWith(PlatformExtension.class)
class HostileInputIT {

    private static String staff;

    @BeforeAll
    static void signIn() {
        staff = UserApiIT.login(PlatformExtension.ADMIN_EMAIL, PlatformExtension.ADMIN_PASSWORD)
                .getString("access_token");
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String customer() {
        String email = UserApiIT.uniqueEmail();
        UserApiIT.register(email, "correct horse battery");
        return UserApiIT.login(email, "correct horse battery").getString("access_token");
    }

    private static String stockedSku(long price, int units) {
        String sku = Products.newSku("Hostile", price, staff);
        assertEquals(200, http().put("/inventory/api/stock/" + sku, "{\"onHand\":" + units + "}", staff).status());
        return sku;
    }

    /** A 4xx problem+json whose errors (or detail) name the field. */
    private static void assertRefused(int status, String field, Http.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertTrue(reply.body().contains(field), "the problem names " + field + ": " + reply.body());
    }

    private static Http.Reply send(String method, String path, String body, String token, String... headers) {
        HttpRequest.Builder request = http().request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http().send(request.build());
    }

    // 1. two checkouts of one cart

    @Test
    void twoCheckoutsOfOneCartSentAtOnceMakeOneOrder() throws Exception {
        String sku = stockedSku(1500, 10);
        String token = customer();
        String cart = OrderFlowIT.cartWith(token, Map.of(sku, 2));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                String key = "checkout-" + UUID.randomUUID();
                replies.add(pool.submit((Callable<Http.Reply>) () -> OrderFlowIT.place(token, key, cart, "tok_visa")));
            }
            int placed = 0;
            for (Future<Http.Reply> reply : replies) {
                Http.Reply answer = reply.get();
                if (answer.status() == 201) {
                    placed++;
                } else {
                    assertEquals(409, answer.status(), answer.body());
                    assertTrue(answer.contentType().startsWith("application/problem+json"));
                }
            }
            assertEquals(1, placed, "one cart, one order");
        } finally {
            pool.shutdownNow();
        }
        JsonObject stock = http().get("/inventory/api/stock/" + sku, staff).json();
        assertEquals(8, stock.getInt("available"), "the stock was taken once: " + stock);
        assertEquals(1, ServiceDatabase.orders().count("select count(*) from customer_order where cart_id = ?"
                + " and status <> 'FAILED'", cart));
    }

    // 2. replays of a request that moves stock

    @Test
    void aStaffStockChangeIsAppliedOncePerIdempotencyKey() {
        String sku = stockedSku(900, 5);
        String key = "stock-" + UUID.randomUUID();
        Http.Reply first = send("PUT", "/inventory/api/stock/" + sku, "{\"adjustBy\":3}", staff, "Idempotency-Key",
                key);
        assertEquals(200, first.status(), first.body());
        Http.Reply replay = send("PUT", "/inventory/api/stock/" + sku, "{ \"adjustBy\" : 3 }", staff,
                "Idempotency-Key", key);
        assertEquals(200, replay.status(), replay.body());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json(), replay.json());
        assertRefused(422, "idempotency-key-reused", send("PUT", "/inventory/api/stock/" + sku,
                "{\"adjustBy\":4}", staff, "Idempotency-Key", key));
        assertEquals(8, http().get("/inventory/api/stock/" + sku, staff).json().getInt("available"));
        assertEquals(1, ServiceDatabase.inventory().count("select count(*) from stock_movement where sku = ? and"
                + " quantity = 3", sku));
        // a key of another staff member's (or too long) is theirs / refused
        assertRefused(400, "Idempotency-Key", send("PUT", "/inventory/api/stock/" + sku, "{\"adjustBy\":1}", staff,
                "Idempotency-Key", "k".repeat(101)));
    }

    @Test
    void aReplayedImportStartsOneJob() {
        String slug = "idem-import-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "slug,name,sku,price,currency\n" + slug + ",Idem import," + slug.toUpperCase() + ",1200,EUR\n";
        String key = "import-" + UUID.randomUUID();
        Http.Reply first = http().send(http().request("/catalog/api/imports", staff).header("Content-Type",
                "text/csv").header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertEquals(202, first.status(), first.body());
        Http.Reply replay = http().send(http().request("/catalog/api/imports", staff).header("Content-Type",
                "text/csv").header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertEquals(202, replay.status(), replay.body());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("id"), replay.json().getString("id"));
    }

    // 3. and 4. loose numbers and unknown properties, on several endpoints

    @Test
    void integerFieldsAcceptOnlyJsonIntegers() {
        String sku = stockedSku(700, 3);
        String cart = http().post("/cart/api/carts", "", null).json().getString("id");
        for (String quantity : List.of("1.5", "\"2\"", "2e0", "true", "null", "2147483648")) {
            assertRefused(400, "quantity", http().post("/cart/api/carts/" + cart + "/items", "{\"sku\":\"" + sku
                    + "\",\"quantity\":" + quantity + "}", null));
        }
        assertEquals(0, http().get("/cart/api/carts/" + cart, null).json().getJsonArray("lines").size());
        assertRefused(400, "onHand", http().put("/inventory/api/stock/" + sku, "{\"onHand\":1.5}", staff));
        assertRefused(400, "adjustBy", http().put("/inventory/api/stock/" + sku, "{\"adjustBy\":\"2\"}", staff));
        assertEquals(3, http().get("/inventory/api/stock/" + sku, staff).json().getInt("available"));
        assertRefused(400, "price.amount", http().post("/catalog/api/products", "{\"name\":\"Loose\","
                + "\"price\":{\"amount\":19.99,\"currency\":\"EUR\"}}", staff));
        assertRefused(400, "variants[0].price.amount", http().post("/catalog/api/products", "{\"name\":\"Loose\","
                + "\"variants\":[{\"price\":{\"amount\":\"1999\",\"currency\":\"EUR\"}}]}", staff));
        assertRefused(400, "position", http().post("/catalog/api/categories", "{\"name\":\"Loose\","
                + "\"position\":0.5}", staff));
    }

    @Test
    void unknownPropertiesAreRefusedByName() {
        assertRefused(400, "admin", http().post("/users/api/accounts", "{\"email\":\"" + UserApiIT.uniqueEmail()
                + "\",\"password\":\"correct horse battery\",\"name\":\"Eve\",\"admin\":true}", null));
        assertRefused(400, "currency", http().put("/inventory/api/stock/NO-SUCH-SKU", "{\"onHand\":1,"
                + "\"currency\":\"USD\"}", staff));
        assertRefused(400, "discount", http().post("/catalog/api/products", "{\"name\":\"Sneaky\",\"price\":"
                + "{\"amount\":100,\"currency\":\"EUR\",\"discount\":90}}", staff));
        assertRefused(400, "price", http().post("/cart/api/carts/" + UUID.randomUUID() + "/items",
                "{\"sku\":\"A\",\"quantity\":1,\"price\":1}", null));
        assertRefused(400, "roles", send("PATCH", "/users/api/accounts/me", "{\"name\":\"Eve\",\"roles\":"
                + "[\"admin\"]}", customer()));
    }

    // 5. paging

    @Test
    void everyListPagesByOneContract() {
        String shopper = customer();
        Map<String, String> lists = Map.of("/catalog/api/products", "", "/orders/api/orders", shopper,
                "/orders/api/orders?all=true", staff, "/fulfillment/api/shipments", staff,
                "/notifications/api/emails", staff, "/users/api/accounts", staff,
                "/inventory/api/stock/NO-SUCH-SKU/movements", staff);
        lists.forEach((list, token) -> {
            String sep = list.contains("?") ? "&" : "?";
            String auth = token.isEmpty() ? null : token;
            assertRefused(400, "page", http().get(list + sep + "page=21474836&size=100", auth));
            assertRefused(400, "page", http().get(list + sep + "page=42949673&size=100", auth));
            assertRefused(400, "page", http().get(list + sep + "page=-1", auth));
            assertRefused(400, "size", http().get(list + sep + "size=abc", auth));
            assertRefused(400, "size", http().get(list + sep + "size=101", auth));
            assertRefused(400, "page", http().get(list + sep + "page=1.5", auth));
            Http.Reply past = http().get(list + sep + "page=100&size=100", auth);
            assertEquals(200, past.status(), list + ": " + past.body());
            assertEquals(0, past.json().getJsonArray("items").size(), list);
        });
    }

    // 6. control characters

    @Test
    void controlCharactersAreRefusedInTextFieldsParametersAndKeys() {
        String email = UserApiIT.uniqueEmail();
        assertRefused(400, "name", http().post("/users/api/accounts", "{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery\",\"name\":\"Ada\\u0000\"}", null));
        assertEquals(0, ServiceDatabase.users().count("select count(*) from account where email_normalized = ?",
                email));
        assertRefused(400, "line1", http().post("/users/api/accounts/me/addresses", "{\"name\":\"Ada\",\"line1\":"
                + "\"1 Main St\\u0007\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"}",
                customer()));
        assertRefused(400, "name", http().post("/catalog/api/products", "{\"name\":\"Mug\\u001b[31m\",\"price\":"
                + "{\"amount\":100,\"currency\":\"EUR\"}}", staff));
        assertRefused(400, "name", http().post("/catalog/api/products", "{\"name\":\"\\ud800\",\"price\":"
                + "{\"amount\":100,\"currency\":\"EUR\"}}", staff));
        assertRefused(400, "q", http().get("/catalog/api/products?q=mug%00", null));
        assertRefused(400, "recipient", http().get("/notifications/api/emails?recipient=%00", staff));
        assertEquals(400, rawStatus("POST /orders/api/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + customer() + "\r\nIdempotency-Key: key\u0001x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"), "a control character in the key");
        // a description may have several lines, a name not
        Http.Reply multiLine = http().post("/catalog/api/products", "{\"name\":\"Two lines\",\"description\":"
                + "\"first\\nsecond\",\"price\":{\"amount\":100,\"currency\":\"EUR\"}}", staff);
        assertEquals(201, multiLine.status(), multiLine.body());
        assertRefused(400, "name", http().post("/catalog/api/products", "{\"name\":\"Two\\nlines\",\"price\":"
                + "{\"amount\":100,\"currency\":\"EUR\"}}", staff));
    }

    /** The status of a request written byte by byte (the JDK client refuses control characters in headers). */
    private static int rawStatus(String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", PlatformExtension.platform().httpPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // 7. and 8. money past its maximum, currencies

    @Test
    void moneyPastItsMaximumIs422AndNeverBreaksCartsOrOrders() {
        assertRefused(422, "amount-too-large", http().post("/catalog/api/products", "{\"name\":\"Gold\","
                + "\"price\":{\"amount\":9223372036854775807,\"currency\":\"EUR\"}}", staff));
        assertRefused(422, "amount-too-large", http().post("/catalog/api/products", "{\"name\":\"Gold\","
                + "\"price\":{\"amount\":100000001,\"currency\":\"EUR\"}}", staff));
        // the largest price, 99 of it: the cart still answers, the order is refused before any hold
        String sku = stockedSku(100_000_000, 100);
        String token = customer();
        String cart = OrderFlowIT.cartWith(token, Map.of(sku, 99));
        Http.Reply view = http().get("/cart/api/carts/" + cart, token);
        assertEquals(200, view.status(), view.body());
        assertRefused(422, "amount-too-large", OrderFlowIT.place(token, UUID.randomUUID().toString(), cart,
                "tok_visa"));
        assertEquals(100, http().get("/inventory/api/stock/" + sku, staff).json().getInt("available"));
    }

    @Test
    void pricesAreInTheShopCurrencyWithUpperCaseCodes() {
        assertRefused(400, "price.currency", http().post("/catalog/api/products", "{\"name\":\"Dollar mug\","
                + "\"price\":{\"amount\":100,\"currency\":\"usd\"}}", staff));
        assertRefused(422, "currency-not-accepted", http().post("/catalog/api/products", "{\"name\":\"Dollar mug\","
                + "\"price\":{\"amount\":100,\"currency\":\"USD\"}}", staff));
        String slug = "usd-import-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply imported = http().postBytes("/catalog/api/imports", "text/csv", ("slug,name,sku,price,currency\n"
                + slug + ",Dollar," + slug.toUpperCase() + ",100,USD\n").getBytes(), staff);
        assertEquals(202, imported.status(), imported.body());
        String job = imported.json().getString("id");
        Eventually.within(java.time.Duration.ofSeconds(30), "the import finishes",
                () -> "DONE".equals(http().get("/catalog/api/imports/" + job, staff).json().getString("state")));
        JsonObject status = http().get("/catalog/api/imports/" + job, staff).json();
        assertEquals(0, status.getInt("imported"), status.toString());
        assertTrue(status.getJsonArray("rejected").toString().contains("USD"), status.toString());
    }

    // 9. nesting and parser limits

    @Test
    void deepOrHugeJsonIs400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertRefused(400, "json-limit", http().post("/catalog/api/imports", deep, staff));
        assertRefused(400, "json-limit", http().post("/catalog/api/products", "{\"name\":" + deep + "}", staff));
        assertRefused(400, "json-limit", http().post("/users/api/tokens", "{\"email\":" + "[".repeat(100) + "1"
                + "]".repeat(100) + "}", null));
        assertRefused(400, "json-limit", http().post("/cart/api/carts/x/items", "{\"quantity\":1" + "0".repeat(60)
                + "}", null));
        assertRefused(400, "malformed-json", http().post("/users/api/tokens", "{\"email\":\"a\",\"email\":\"b\"}",
                null));
    }

    // 10. emails

    @Test
    void oneRuleForEmailsAtEveryEntryPoint() {
        String email = UserApiIT.uniqueEmail();
        Http.Reply created = http().post("/users/api/accounts", "{\"email\":\"  " + email.toUpperCase()
                + " \",\"password\":\"correct horse battery\",\"name\":\"Spaces\"}", null);
        assertEquals(201, created.status(), created.body());
        assertEquals(email, created.json().getString("email").toLowerCase());
        assertEquals(200, http().post("/users/api/tokens", "{\"email\":\" " + email + "  \",\"password\":"
                + "\"correct horse battery\"}", null).status());
        assertEquals(409, http().post("/users/api/accounts", "{\"email\":\"" + email + "\",\"password\":"
                + "\"correct horse battery\",\"name\":\"Twin\"}", null).status());
    }

    // 11. optional filters in every combination

    @Test
    void listsWorkWithAndWithoutEachOptionalFilter() {
        for (String status : new String[]{null, "PAID"}) {
            for (String all : new String[]{null, "true", "false"}) {
                String query = "?" + (status == null ? "" : "status=" + status + "&") + (all == null
                        ? ""
                        : "all=" + all);
                assertEquals(200, http().get("/orders/api/orders" + query, staff).status(), query);
            }
        }
        for (String status : new String[]{null, "NEW"}) {
            for (String orderId : new String[]{null, "o-1"}) {
                String query = "?" + (status == null ? "" : "status=" + status + "&") + (orderId == null
                        ? ""
                        : "orderId=" + orderId);
                assertEquals(200, http().get("/fulfillment/api/shipments" + query, staff).status(), query);
            }
        }
        for (String orderId : new String[]{null, "o-1"}) {
            for (String recipient : new String[]{null, "a@b.test"}) {
                String query = "?" + (orderId == null ? "" : "orderId=" + orderId + "&") + (recipient == null
                        ? ""
                        : "recipient=" + recipient);
                assertEquals(200, http().get("/notifications/api/emails" + query, staff).status(), query);
            }
        }
        for (String filter : List.of("", "q=mug", "category=home", "brand=lumen", "minPrice=100", "maxPrice=100000",
                "inStock=true", "sort=price_asc", "attribute=colour:black",
                "q=mug&category=home&brand=lumen&minPrice=1&maxPrice=99999&inStock=true&sort=price_desc")) {
            assertEquals(200, http().get("/catalog/api/products?" + filter, null).status(), filter);
        }
        assertEquals(200, http().get("/users/api/accounts", staff).status());
        assertEquals(200, http().get("/users/api/accounts?q=admin", staff).status());
        assertEquals(200, http().get("/analytics/api/sales/daily", staff).status());
        assertEquals(200, http().get("/analytics/api/products/top", staff).status());
    }

    // 13. readiness

    @Test
    void readyMeansEveryServiceOfTheInstanceHasStarted() {
        JsonObject ready = http().get("/health/ready", null).json();
        assertEquals("UP", ready.getString("status"));
        List<String> deployment = ready.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").endsWith("-deployment")).map(c -> c.getString("name")).toList();
        for (String service : List.of("users", "catalog", "inventory", "orders", "cart", "payments", "notifications",
                "fulfillment", "analytics")) {
            assertTrue(deployment.contains(service + "-deployment"), service + " in " + deployment);
        }
        JsonObject users = ready.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("users-deployment")).findFirst().orElseThrow();
        assertTrue(users.getJsonObject("data").getString("services").contains("analytics"), users.toString());
        assertEquals("", users.getJsonObject("data").getString("starting"));
        assertFalse(ready.toString().contains("No Application deployed"));
    }
}
