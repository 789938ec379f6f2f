package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests that race each other, sent at once as impatient shoppers and two staff members send them: one guest
 * cart merged by two customers (its lines land in exactly one cart, once), and one order cancelled by several
 * requests (exactly one 200, the others 409 {@code illegal-transition}, one refund). Also the address a checkout
 * must refuse however it is disguised: a shipping name made only of invisible characters.
 */
@ExtendWith(PlatformExtension.class)
class RacesIT {

    private static String staff;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String customer() {
        return UserApiIT.newSignedInCustomer().getString("access_token");
    }

    /** Sends the requests at once (released together) and returns the replies in the order given. */
    private static List<Http.Reply> together(List<Callable<Http.Reply>> requests) throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests.size());
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Http.Reply>> sent = new ArrayList<>();
            for (Callable<Http.Reply> request : requests) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> reply : sent) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aGuestCartMergedAtOnceByTwoCustomersEndsUpInExactlyOneCart() throws Exception {
        String sku = Products.stockedSku("Race Mug", 900, 200, staff);
        for (int round = 0; round < 3; round++) {
            Http.Reply created = http().post("/cart/api/carts", "", null);
            assertEquals(201, created.status(), created.body());
            String guest = created.json().getString("id");
            Http.Reply added = http().post("/cart/api/carts/" + guest + "/items", "{\"sku\":\"" + sku
                    + "\",\"quantity\":3}", null);
            assertEquals(200, added.status(), added.body());
            String kim = customer();
            String leo = customer();
            String body = "{\"guestCartId\":\"" + guest + "\"}";
            List<Callable<Http.Reply>> merges = new ArrayList<>();
            // kim, leo, kim, leo: two customers, and each of them twice
            for (String token : List.of(kim, leo, kim, leo)) {
                merges.add(() -> http().post("/cart/api/carts/mine/merge", body, token));
            }
            int merged = 0;
            for (Http.Reply reply : together(merges)) {
                if (reply.status() == 200) {
                    merged++;
                } else {
                    UserApiIT.assertProblem(reply, 404);
                }
            }
            assertEquals(1, merged, "one merge takes the guest cart");
            int kims = http().get("/cart/api/carts/mine", kim).json().getInt("itemCount");
            int leos = http().get("/cart/api/carts/mine", leo).json().getInt("itemCount");
            assertEquals(3, kims + leos, "the guest's 3 units are in one cart, once: kim " + kims + ", leo " + leos);
            assertTrue(kims == 0 || leos == 0, "kim " + kims + ", leo " + leos);
            UserApiIT.assertProblem(http().get("/cart/api/carts/" + guest, null), 404);
        }
    }

    /** A valid address as JSON, with some fields' text (already JSON-escaped) replaced. */
    private static String address(Map<String, String> replaced) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Kim Lee");
        fields.put("line1", "Main 1");
        fields.put("city", "Berlin");
        fields.put("postalCode", "10115");
        fields.put("country", "DE");
        fields.putAll(replaced);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append(
                "\":\"").append(value).append('"'));
        return json.append('}').toString();
    }

    @Test
    void aShippingAddressWhoseTextsShowNothingIsRefusedNamingTheFieldWithNoOrder() {
        String sku = Products.stockedSku("Race Invisible", 1200, 5, staff);
        String token = customer();
        String cart = OrderFlowIT.cartWith(token, Map.of(sku, 1));
        // a zero-width space (the tester's), zero-width joiner + BOM, an ideographic space, a Hangul filler
        List<String> blanks = List.of("\\u200b", "\\u200d\\ufeff", "\\u3000", "\\u3164");
        for (String field : List.of("name", "line1", "city", "postalCode")) {
            for (String blank : blanks) {
                String address = address(Map.of(field, blank));
                Http.Reply refused = OrderFlowIT.place(token, "invisible-" + UUID.randomUUID(), "{\"cartId\":\""
                        + cart + "\",\"shippingAddress\":" + address + ",\"payment\":{\"method\":\"card\","
                        + "\"token\":\"tok_visa\"}}");
                UserApiIT.assertProblem(refused, 400);
                assertTrue(refused.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString(
                        "field")).anyMatch(("shippingAddress." + field)::equals), field + " " + blank + ": "
                                + refused.body());
            }
        }
        assertEquals(0, ServiceDatabase.orders().count("select count(*) from customer_order where cart_id = ?",
                cart), "no order row");
        assertEquals(5, http().get("/inventory/api/stock/" + sku, staff).json().getInt("available"),
                "nothing held");
        // the address book refuses the same name: one rule for both
        Http.Reply book = http().post("/users/api/accounts/me/addresses", address(Map.of("name", "\\u200b")), token);
        UserApiIT.assertProblem(book, 400);
    }

    @Test
    void ofCancelsSentAtOnceExactlyOneGoesThroughAndTheOthersAre409() throws Exception {
        String sku = Products.stockedSku("Race Cancel", 1600, 10, staff);
        String token = customer();
        Http.Reply placed = OrderFlowIT.place(token, UUID.randomUUID().toString(), OrderFlowIT.cartWith(token, Map
                .of(sku, 2)), "tok_visa");
        assertEquals(201, placed.status(), placed.body());
        String id = placed.json().getString("id");
        Eventually.within(Duration.ofSeconds(30), "the stock committed", () -> http().get("/inventory/api/stock/"
                + sku, staff).json().getInt("available") == 8);

        List<Callable<Http.Reply>> cancels = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "cancel-" + UUID.randomUUID();
            cancels.add(() -> http().send(http().request("/orders/api/orders/" + id + "/cancel", staff).header(
                    "Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"customer called\"}")).build()));
        }
        int cancelled = 0;
        for (Http.Reply reply : together(cancels)) {
            if (reply.status() == 200) {
                cancelled++;
                assertEquals("REFUNDED", reply.json().getString("status"), reply.body());
            } else {
                UserApiIT.assertProblem(reply, 409);
                assertTrue(reply.json().getString("type").contains("illegal-transition"), reply.body());
            }
        }
        assertEquals(1, cancelled, "exactly one cancel goes through");
        JsonObject order = http().get("/orders/api/orders/" + id, staff).json();
        assertEquals("REFUNDED", order.getString("status"));
        assertEquals(1, order.getJsonArray("history").stream().filter(step -> "CANCELLED".equals(step
                .asJsonObject().getString("to", null))).count(), order.toString());
        assertEquals(1, order.getJsonArray("history").stream().filter(step -> step.asJsonObject().containsKey(
                "refund")).count(), "one refund: " + order);
        assertEquals(1, ServiceDatabase.orders().count("select count(*) from outbox_message where event_type ="
                + " 'OrderCancelled' and payload like ?", "%" + id + "%"), "OrderCancelled once");
        Eventually.within(Duration.ofSeconds(30), "the units back once", () -> http().get("/inventory/api/stock/"
                + sku, staff).json().getInt("available") == 10);
        UserApiIT.assertProblem(http().post("/orders/api/orders/" + id + "/cancel", "{\"reason\":\"again\"}",
                staff), 409);
    }
}
