package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The orders contract where the issue 10 re-check found it broken: the list's optional filters for every caller
 * (fault 9), a declined attempt keeping its outcome under its key (fault 11), 3-D Secure reported as such, not as a
 * decline (fault 16), and the request schema stating the address limits the service enforces (fault 12).
 */
@ExtendWith(PlatformExtension.class)
class OrderContractIT {

    private static String staff;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String stockedSku(String name, long price, int units) {
        return Products.stockedSku(name, price, units, staff);
    }

    private static int available(String sku) {
        Http.Reply reply = http().get("/inventory/api/stock/" + sku, staff);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getInt("available");
    }

    private static String placed(String token, String sku, String cardToken, int expectedStatus) {
        Http.Reply reply = OrderFlowIT.place(token, UUID.randomUUID().toString(), OrderFlowIT.cartWith(token, Map
                .of(sku, 1)), cardToken);
        assertEquals(expectedStatus, reply.status(), reply.body());
        // the newest order of the customer is the one just placed (or refused after it ran)
        return http().get("/orders/api/orders?size=1", token).json().getJsonArray("items").getJsonObject(0)
                .getString("id");
    }

    private static JsonObject list(String query, String token) {
        Http.Reply reply = http().get("/orders/api/orders" + query, token);
        assertEquals(200, reply.status(), query + ": " + reply.body());
        return reply.json();
    }

    private static Set<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(item -> item.asJsonObject().getString("id")).collect(
                Collectors.toSet());
    }

    private static Set<String> statuses(JsonObject page) {
        return page.getJsonArray("items").stream().map(item -> item.asJsonObject().getString("status")).collect(
                Collectors.toSet());
    }

    private static void assertBadParameter(String query, String token, String parameter) {
        Http.Reply reply = http().get("/orders/api/orders" + query, token);
        UserApiIT.assertProblem(reply, 400);
        assertTrue(reply.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject).anyMatch(e -> e
                .getString("field").equals(parameter)), query + ": " + reply.body());
    }

    // fault 9: every optional filter, alone and together, for every caller

    /** An order placed and then cancelled by staff: REFUNDED, a status nothing moves it out of. */
    private static String refunded(String token, String sku) {
        String id = placed(token, sku, "tok_visa", 201);
        // the reason has two lines, as staff may write it: the refund it causes at payments carries it
        Http.Reply cancelled = http().post("/orders/api/orders/" + id + "/cancel", "{\"reason\":\"customer called"
                + "\\nwants the money back\"}", staff);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("REFUNDED", cancelled.json().getString("status"), cancelled.body());
        return id;
    }

    @Test
    void theStatusFilterWorksForCustomersAndWithAllForStaffAndBadValuesAre400() {
        // FAILED and REFUNDED orders stay as they are (a PAID one moves on to FULFILLING when the warehouse answers)
        String sku = stockedSku("Filter Bowl", 1200, 20);
        String alice = UserApiIT.newSignedInCustomer().getString("access_token");
        String bob = UserApiIT.newSignedInCustomer().getString("access_token");
        String aliceFailed = placed(alice, sku, "tok_chargeDeclined", 402);
        String aliceRefunded = refunded(alice, sku);
        String bobFailed = placed(bob, sku, "tok_chargeDeclined", 402);
        String bobRefunded = refunded(bob, sku);

        // a customer: their own orders, by status
        assertEquals(Set.of(aliceFailed, aliceRefunded), ids(list("", alice)));
        JsonObject refunded = list("?status=REFUNDED", alice);
        assertEquals(Set.of(aliceRefunded), ids(refunded), "Bob's refunded order is not Alice's");
        assertEquals(1, refunded.getInt("total"));
        assertEquals(Set.of(aliceFailed), ids(list("?status=FAILED", alice)));
        JsonObject paid = list("?status=PAID", alice);
        assertEquals(0, paid.getInt("total"), paid.toString());
        assertTrue(paid.getJsonArray("items").isEmpty());
        assertEquals(Set.of(aliceRefunded), ids(list("?status=REFUNDED&all=false", alice)));
        assertEquals(Set.of(aliceFailed, aliceRefunded), ids(list("?all=false", alice)));
        assertBadParameter("?status=bogus", alice, "status");
        assertBadParameter("?status=refunded", alice, "status");
        assertBadParameter("?all=yes", alice, "all");
        UserApiIT.assertProblem(http().get("/orders/api/orders?all=true", alice), 403);
        UserApiIT.assertProblem(http().get("/orders/api/orders?all=true&status=FAILED", alice), 403);

        // staff: every customer's orders, by status, and their own without all
        JsonObject everyRefunded = list("?all=true&status=REFUNDED&size=100", staff);
        assertTrue(ids(everyRefunded).containsAll(Set.of(aliceRefunded, bobRefunded)), everyRefunded.toString());
        assertFalse(ids(everyRefunded).contains(aliceFailed));
        assertEquals(Set.of("REFUNDED"), statuses(everyRefunded));
        JsonObject everyFailed = list("?all=true&status=FAILED&size=100", staff);
        assertTrue(ids(everyFailed).containsAll(Set.of(aliceFailed, bobFailed)), everyFailed.toString());
        assertEquals(Set.of("FAILED"), statuses(everyFailed));
        assertTrue(ids(list("?all=true&size=100", staff)).containsAll(Set.of(aliceFailed, aliceRefunded,
                bobFailed, bobRefunded)));
        JsonObject ownRefunded = list("?status=REFUNDED&size=100", staff);
        assertFalse(ids(ownRefunded).contains(aliceRefunded), "without all, staff see their own orders");
        for (String bad : List.of("yes", "1", "TRUE", "0")) {
            assertBadParameter("?all=" + bad, staff, "all");
        }
        assertBadParameter("?all=true&status=bogus", staff, "status");
        assertBadParameter("?all=yes&status=FAILED", staff, "all");
    }

    // fault 11: an attempt that ran keeps its outcome under its key

    @Test
    void aDeclinedAttemptKeepsItsAnswerUnderItsKeyAndANewAttemptTakesANewKey() {
        String sku = stockedSku("Declined Key Jug", 2500, 5);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        String cart = OrderFlowIT.cartWith(token, Map.of(sku, 1));
        String key = UUID.randomUUID().toString();

        Http.Reply first = OrderFlowIT.place(token, key, cart, "tok_chargeDeclined");
        UserApiIT.assertProblem(first, 402);
        assertNull(first.header("Idempotent-Replayed"), "the first answer is no replay");
        Http.Reply again = OrderFlowIT.place(token, key, cart, "tok_chargeDeclined");
        UserApiIT.assertProblem(again, 402);
        assertEquals("true", again.header("Idempotent-Replayed"), again.body());
        assertEquals(first.json(), again.json(), "the same answer");
        String failed = list("", token).getJsonArray("items").getJsonObject(0).getString("id");
        JsonObject payments = http().get("/payments/api/payments?orderId=" + failed, staff).json();
        assertEquals(1, payments.getJsonArray("items").size(), "the replay charged nothing: " + payments);
        assertEquals("DECLINED", payments.getJsonArray("items").getJsonObject(0).getString("status"));

        Http.Reply otherCard = OrderFlowIT.place(token, key, cart, "tok_visa");
        UserApiIT.assertProblem(otherCard, 422);
        assertEquals("idempotency-key-reused", otherCard.json().getString("type").replaceAll(".*/", ""));
        assertEquals(1, list("", token).getInt("total"), "no order made under the used key");

        Http.Reply newAttempt = OrderFlowIT.place(token, UUID.randomUUID().toString(), cart, "tok_visa");
        assertEquals(201, newAttempt.status(), newAttempt.body());
        assertEquals("PAID", newAttempt.json().getString("status"));
        assertEquals(4, available(sku), "one unit sold, the declined hold released");
    }

    // fault 16: 3-D Secure is its own answer, not a decline

    @Test
    void aCardAskingFor3DSecureIsAuthenticationRequiredWithTheStockReleased() {
        String sku = stockedSku("Secure Kettle", 3300, 4);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        String cart = OrderFlowIT.cartWith(token, Map.of(sku, 2));
        String key = UUID.randomUUID().toString();

        Http.Reply reply = OrderFlowIT.place(token, key, cart, "tok_threeDSecureRequired");
        UserApiIT.assertProblem(reply, 402);
        assertEquals("authentication-required", reply.json().getString("type").replaceAll(".*/", ""),
                reply.body());
        assertEquals("Authentication required", reply.json().getString("title"));
        assertTrue(reply.json().getString("detail").contains("3-D Secure"), reply.body());
        assertFalse(reply.body().contains("provider_refused"), reply.body());
        JsonObject order = list("", token).getJsonArray("items").getJsonObject(0);
        assertEquals("FAILED", order.getString("status"));
        assertEquals("AUTHENTICATION_REQUIRED", order.getJsonObject("failure").getString("kind"));
        assertEquals(4, available(sku), "nothing left half-placed: the held units are back on sale");
        JsonObject payments = http().get("/payments/api/payments?orderId=" + order.getString("id"), staff).json();
        assertEquals(1, payments.getJsonArray("items").size(), payments.toString());
        assertEquals("AUTHENTICATION_REQUIRED", payments.getJsonArray("items").getJsonObject(0).getString(
                "status"));

        Http.Reply replayed = OrderFlowIT.place(token, key, cart, "tok_threeDSecureRequired");
        UserApiIT.assertProblem(replayed, 402);
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        assertEquals(reply.json(), replayed.json());

        Http.Reply afterAuthenticating = OrderFlowIT.place(token, UUID.randomUUID().toString(), cart, "tok_visa");
        assertEquals(201, afterAuthenticating.status(), afterAuthenticating.body());
    }

    // fault 12: the request schema says the limits the service enforces

    @Test
    void thePlaceOrderSchemaStatesTheAddressLimits() {
        Http.Reply reply = http().get("/orders/api/openapi", null);
        assertEquals(200, reply.status(), reply.body());
        JsonObject address = reply.json().getJsonObject("components").getJsonObject("schemas").getJsonObject(
                "OrderRequestsAddress").getJsonObject("properties");
        Map<String, Integer> limits = Map.of("name", 200, "line1", 200, "line2", 200, "city", 100, "postalCode", 20,
                "country", 2);
        limits.forEach((field, max) -> assertEquals(max, address.getJsonObject(field).getInt("maxLength"), field));
        String tooLong = "x".repeat(201);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        String cart = OrderFlowIT.cartWith(token, Map.of(stockedSku("Limit Cup", 900, 2), 1));
        Http.Reply refused = OrderFlowIT.place(token, UUID.randomUUID().toString(), "{\"cartId\":\"" + cart
                + "\",\"shippingAddress\":" + OrderFlowIT.ADDRESS.replace("Ada Lovelace", tooLong)
                + ",\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"}}");
        UserApiIT.assertProblem(refused, 400);
        assertEquals(0, list("", token).getInt("total"), "nothing ordered");
    }
}
