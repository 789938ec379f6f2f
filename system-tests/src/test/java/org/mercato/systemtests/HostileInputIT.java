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
        staff = PlatformExtension.staffToken();
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
        return Products.stockedSku("Hostile", price, units, staff);
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
    void aRefusedStockChangeIsReplayedAsTheSameRefusalAfterTheStockChanged() {
        String sku = stockedSku(900, 5);
        String key = "stock-refused-" + UUID.randomUUID();
        Http.Reply refused = send("PUT", "/inventory/api/stock/" + sku, "{\"adjustBy\":-10}", staff,
                "Idempotency-Key", key);
        assertTrue(refused.status() >= 400 && refused.status() < 500, refused.status() + " " + refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        // the stock grows so that the same change would pass now
        assertEquals(200, send("PUT", "/inventory/api/stock/" + sku, "{\"adjustBy\":20}", staff).status());
        Http.Reply replay = send("PUT", "/inventory/api/stock/" + sku, "{\"adjustBy\":-10}", staff,
                "Idempotency-Key", key);
        assertEquals(refused.status(), replay.status(), replay.body());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(refused.json(), replay.json(), "the replay answers the first refusal");
        assertEquals(25, http().get("/inventory/api/stock/" + sku, staff).json().getInt("available"),
                "the replayed refusal moved nothing");
        assertRefused(422, "idempotency-key-reused", send("PUT", "/inventory/api/stock/" + sku,
                "{\"adjustBy\":-1}", staff, "Idempotency-Key", key));
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

    // the re-check's kinds (faults file of 2026-12-01), refused once in the platform for every endpoint

    @Test
    void nullItemsInArraysAndNullMapValuesAreRefusedByPath() {
        String sku = stockedSku(500, 4);
        String order = "brk-" + UUID.randomUUID();
        assertRefused(400, "lines[0]", http().post("/inventory/api/reservations", "{\"orderId\":\"" + order
                + "\",\"lines\":[null]}", staff));
        assertRefused(400, "lines[1]", http().post("/inventory/api/reservations", "{\"orderId\":\"" + order
                + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1},null]}", staff));
        assertEquals(404, http().get("/inventory/api/reservations/" + order, staff).status(), "nothing held");
        assertEquals(4, http().get("/inventory/api/stock/" + sku, staff).json().getInt("available"));
        String price = "\"price\":{\"amount\":500,\"currency\":\"EUR\"}";
        assertRefused(400, "variants[0]", http().post("/catalog/api/products", "{\"name\":\"Brk\",\"status\":"
                + "\"DRAFT\",\"variants\":[null]}", staff));
        assertRefused(400, "attributes.color", http().post("/catalog/api/products", "{\"name\":\"Brk\","
                + "\"status\":\"DRAFT\",\"attributes\":{\"color\":null}," + price + "}", staff));
        assertRefused(400, "variants[0].attributes.size", http().post("/catalog/api/products", "{\"name\":\"Brk\","
                + "\"status\":\"DRAFT\",\"variants\":[{\"sku\":\"BRK-" + UUID.randomUUID().toString()
                        .substring(0, 6)
                + "\",\"attributes\":{\"size\":null}," + price + "}]}", staff));
        Http.Reply created = http().post("/catalog/api/products", "{\"name\":\"Brk " + UUID.randomUUID()
                .toString().substring(0, 6) + "\",\"status\":\"DRAFT\"," + price + "}", staff);
        assertEquals(201, created.status(), created.body());
        String product = "/catalog/api/products/" + created.json().getString("id");
        assertRefused(400, "attributes.color", http().put(product, "{\"name\":\"Brk\",\"status\":\"DRAFT\","
                + "\"attributes\":{\"color\":null}," + price + ",\"version\":" + created.json().getJsonNumber(
                        "version")
                + "}", staff));
        assertFalse(http().get(product, staff).body().contains("color"), "nothing changed");
    }

    @Test
    void invalidUtf8IsRefusedInBodiesQueriesAndPaths() {
        String token = customer();
        String before = http().get("/users/api/accounts/me", token).json().getString("name");
        byte[][] invalid = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}};
        for (byte[] bytes : invalid) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes("{\"name\":\"Ada".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertRefused(400, "invalid-utf8", http().send(http().request("/users/api/accounts/me", token).header(
                    "Content-Type", "application/json").method("PATCH",
                            HttpRequest.BodyPublishers.ofByteArray(body
                                    .toByteArray()))
                    .build()));
            // a CSV import (read as text, not by the JSON reader) too
            assertRefused(400, "invalid-utf8", http().postBytes("/catalog/api/imports", "text/csv", body
                    .toByteArray(), staff));
        }
        assertEquals(before, http().get("/users/api/accounts/me", token).json().getString("name"));
        String shopper = customer();
        for (String escape : List.of("%ED%A0%80", "%C0%80", "%FF", "%E2%82")) {
            assertRefused(400, "query", http().get("/catalog/api/products?q=" + escape, null));
            assertRefused(400, "query", http().get("/catalog/api/suggestions?q=" + escape, null));
            assertRefused(400, "query", http().get("/inventory/api/stock?sku=" + escape, null));
            assertRefused(400, "query", http().get("/users/api/accounts?q=" + escape, staff));
            assertRefused(400, "query", http().get("/orders/api/orders?status=" + escape, shopper));
            assertRefused(400, "query", http().get("/notifications/api/emails?recipient=" + escape, staff));
        }
    }

    @Test
    void aMalformedPercentEscapeInTheQueryIs400WhoeverAsks() {
        int port = PlatformExtension.platform().httpPort();
        for (String[] request : new String[][]{{"GET", "/catalog/api/products?q=%zz"},
                {"GET", "/users/api/accounts?q=ab%4"}, {"POST", "/payments/api/refunds?x=%"},
                {"PUT", "/inventory/api/stock/A?q=%G0"}}) {
            RawHttp.Reply reply = RawHttp.send("127.0.0.1", port, request[0], request[1], request[0].equals("GET")
                    ? null
                    : "{}");
            assertEquals(400, reply.status(), request[0] + " " + request[1] + ": " + reply.body());
            assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.headers()
                    .toString());
            assertTrue(reply.body().contains("'%' not followed by two hexadecimal digits"), reply.body());
        }
    }

    @Test
    void echoedTextCarriesNoBidiOrInvisibleCharacters() {
        Http.Reply reply = http().get("/analytics/api/sales/daily?from=2026-01-01%E2%80%AEcod.exe%E2%80%8B",
                staff);
        assertRefused(400, "from", reply);
        assertFalse(reply.body().contains("\u202e") || reply.body().toLowerCase().contains("\\u202e"), reply
                .body());
        assertFalse(reply.body().contains("\u200b") || reply.body().toLowerCase().contains("\\u200b"), reply
                .body());
    }

    @Test
    void anActionThatTakesNoBodyRefusesOneAndDoesNothing() {
        String sku = stockedSku(500, 5);
        String order = "nobody-" + UUID.randomUUID();
        Http.Reply held = http().post("/inventory/api/reservations", "{\"orderId\":\"" + order + "\",\"lines\":"
                + "[{\"sku\":\"" + sku + "\",\"quantity\":2}]}", staff);
        assertEquals(201, held.status(), held.body());
        String commit = "/inventory/api/reservations/" + order + "/commit";
        assertRefused(400, "no-body", http().post(commit, "{bad", staff));
        assertRefused(400, "no-body", http().postBytes(commit, "text/plain", "\u0000<script>".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), staff));
        assertRefused(400, "no-body", http().post(commit, "{\"force\":true}", staff));
        assertEquals(held.json(), http().get("/inventory/api/reservations/" + order, staff).json(),
                "the hold is as it was");
        // the same actions elsewhere, refused before they look for the shipment or order
        assertRefused(400, "no-body", http().postBytes("/fulfillment/api/shipments/" + UUID.randomUUID()
                + "/deliver", "text/plain", "\u0000<script>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                staff));
        assertRefused(400, "no-body", http().post("/orders/api/orders/" + UUID.randomUUID() + "/delivered",
                "{bad", staff));
        assertEquals(404, http().post("/fulfillment/api/shipments/" + UUID.randomUUID() + "/deliver", "{}", staff)
                .status(), "{} is no body: the action runs (and finds no shipment)");
        // an empty body or {} is no body
        Http.Reply committed = http().post(commit, " { } ", staff);
        assertEquals(200, committed.status(), committed.body());
        // and without any body at all (no Content-Type either), as the order service calls it
        String other = "nobody-" + UUID.randomUUID();
        assertEquals(201, http().post("/inventory/api/reservations", "{\"orderId\":\"" + other + "\",\"lines\":"
                + "[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", staff).status());
        Http.Reply released = http().send(http().request("/inventory/api/reservations/" + other + "/release", staff)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, released.status(), released.body());
    }

    @Test
    void onlyJsonInUtf8IsReadAsJson() {
        String sku = stockedSku(300, 5);
        String cart = http().post("/cart/api/carts", "", null).json().getString("id");
        String line = "{\"sku\":\"" + sku + "\",\"quantity\":1}";
        for (String type : List.of("*/*", "application/*", "application/json;charset=utf-16",
                "application/json; charset=ISO-8859-1", "text/plain")) {
            assertRefused(415, "415", http().postBytes("/cart/api/carts/" + cart + "/items", type, line.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), null));
        }
        assertEquals(0, http().get("/cart/api/carts/" + cart, null).json().getJsonArray("lines").size());
        Http.Reply added = http().postBytes("/cart/api/carts/" + cart + "/items", "application/json; charset=UTF-8",
                line.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertTrue(added.status() / 100 == 2, added.body());
        // the documents say so: 415 for every operation with a body, not for an action without one
        JsonObject paths = http().get("/inventory/api/openapi", null).json().getJsonObject("paths");
        assertTrue(paths.getJsonObject("/inventory/api/reservations").getJsonObject("post").getJsonObject(
                "responses").containsKey("415"));
        assertFalse(paths.getJsonObject("/inventory/api/reservations/{orderId}/commit").getJsonObject("post")
                .getJsonObject("responses").containsKey("415"));
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

    // faults a review found: rules that differed between services, normalization that lengthened a value, a name
    // with quotes and backslashes, drafts shown to anyone, an adjustment past the ceiling of a setting

    @Test
    void aCardTokenPaymentsWouldRefuseIsRefusedBeforeTheOrderIsSavedOrItsStockHeld() {
        String sku = stockedSku(1200, 5);
        String token = customer();
        String cart = OrderFlowIT.cartWith(token, Map.of(sku, 1));
        for (String card : new String[]{"tok.visa", "tok visa", "12345678", "4242 4242 4242 4242"}) {
            Http.Reply refused = OrderFlowIT.place(token, "token-" + UUID.randomUUID(), cart, card);
            assertRefused(400, "payment.token", refused);
            assertFalse(refused.body().contains(card), "the token is not echoed: " + refused.body());
        }
        assertEquals(0, ServiceDatabase.orders().count("select count(*) from customer_order where cart_id = ?", cart),
                "no order was saved");
        assertEquals(5, http().get("/inventory/api/stock/" + sku, staff).json().getInt("available"),
                "no stock was held");
        assertEquals(201, OrderFlowIT.place(token, "token-" + UUID.randomUUID(), cart, "tok_visa").status(),
                "the same cart with a provider token is bought");
    }

    @Test
    void anEmailThatNormalizationLengthensPastItsLimitIs400() {
        // 246 characters as typed, 486 once lower-cased (U+0130 becomes two)
        String email = "a@" + "\u0130".repeat(240) + ".de";
        long before = ServiceDatabase.users().accounts();
        assertRefused(400, "email", http().post("/users/api/accounts", "{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery\",\"name\":\"Long\"}", null));
        assertEquals(before, ServiceDatabase.users().accounts());
    }

    @Test
    void anOrderKeepsTheCustomersNameAsTypedNotAsJson() {
        String email = UserApiIT.uniqueEmail();
        String name = "Ada \\\"the\\\" Lovelace \\\\ " + "x".repeat(150);
        Http.Reply registered = http().post("/users/api/accounts", "{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery\",\"name\":\"" + name + "\"}", null);
        assertEquals(201, registered.status(), registered.body());
        String typed = registered.json().getString("name");
        String token = UserApiIT.login(email, "correct horse battery").getString("access_token");
        String cart = OrderFlowIT.cartWith(token, Map.of(stockedSku(800, 3), 1));
        Http.Reply placed = OrderFlowIT.place(token, "name-" + UUID.randomUUID(), cart, "tok_visa");
        assertEquals(201, placed.status(), placed.body());
        assertEquals(1, ServiceDatabase.orders().count("select count(*) from customer_order where cast(id as text) = ?"
                + " and customer_name = ?", placed.json().getString("id"), typed), "stored as typed: " + typed);
    }

    @Test
    void aDraftsSkuIsUnknownToAnyoneButStaff() {
        Http.Reply draft = http().post("/catalog/api/products", "{\"name\":\"Unreleased " + UUID.randomUUID()
                + "\",\"status\":\"DRAFT\",\"price\":{\"amount\":999,\"currency\":\"EUR\"}}", staff);
        assertEquals(201, draft.status(), draft.body());
        String sku = draft.json().getJsonArray("variants").getJsonObject(0).getString("sku");
        String active = Products.newSku("Released", 999, staff);
        String query = "/catalog/api/skus?sku=" + sku + "&sku=" + active;
        for (String caller : new String[]{null, customer()}) {
            JsonObject seen = http().get(query, caller).json();
            assertEquals(1, seen.getJsonArray("items").size(), seen.toString());
            assertEquals(active, seen.getJsonArray("items").getJsonObject(0).getString("sku"));
        }
        assertEquals(2, http().get(query, staff).json().getJsonArray("items").size());
    }

    @Test
    void aStockAdjustmentPastTheCeilingOfASettingIs400AndChangesNothing() {
        String sku = stockedSku(500, 99_999);
        assertRefused(400, "100000", send("PUT", "/inventory/api/stock/" + sku, "{\"adjustBy\":2}", staff));
        assertEquals(99_999, http().get("/inventory/api/stock/" + sku, staff).json().getInt("available"));
        assertEquals(200, send("PUT", "/inventory/api/stock/" + sku, "{\"adjustBy\":1}", staff).status());
    }

    @Test
    void accountsWithTheLongestEmailOrderAndWorkAsStaff() {
        // 254 characters, the longest address there is (RFC 5321): every actor and caller column takes it
        String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".";
        String local = "c" + "x".repeat(63);
        String rest = "e".repeat(254 - local.length() - 1 - domain.length() - 5) + ".test";
        String customerEmail = local + "@" + domain + rest;
        assertEquals(254, customerEmail.length());
        assertEquals(201, http().post("/users/api/accounts", "{\"email\":\"" + customerEmail
                + "\",\"password\":\"correct horse battery\",\"name\":\"Long\"}", null).status());
        String customer = UserApiIT.login(customerEmail, "correct horse battery").getString("access_token");
        String cart = OrderFlowIT.cartWith(customer, Map.of(stockedSku(700, 4), 1));
        Http.Reply placed = OrderFlowIT.place(customer, "long-" + UUID.randomUUID(), cart, "tok_visa");
        assertEquals(201, placed.status(), placed.body());

        String staffEmail = "s" + customerEmail.substring(1);
        Http.Reply created = http().post("/users/api/accounts/staff", "{\"email\":\"" + staffEmail
                + "\",\"password\":\"correct horse battery\",\"name\":\"Stan\",\"roles\":[\"staff\"]}", staff);
        assertEquals(201, created.status(), created.body());
        String longStaff = UserApiIT.login(staffEmail, "correct horse battery").getString("access_token");
        String sku = stockedSku(700, 4);
        Http.Reply adjusted = send("PUT", "/inventory/api/stock/" + sku, "{\"adjustBy\":2}", longStaff,
                "Idempotency-Key", "long-" + UUID.randomUUID());
        assertEquals(200, adjusted.status(), adjusted.body());
        Http.Reply cancelled = send("POST", "/orders/api/orders/" + placed.json().getString("id") + "/cancel",
                "{\"reason\":\"a long address\"}", longStaff, "Idempotency-Key", "long-" + UUID.randomUUID());
        assertEquals(200, cancelled.status(),
                "cancelled and refunded by the long-addressed staff: " + cancelled.body());
        assertEquals("REFUNDED", cancelled.json().getString("status"));
    }
}
