package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payments over HTTP with the sandbox processor: only the order service (a service token) charges, one charge per
 * caller and Idempotency-Key, declines and 3-D Secure as 402, a provider that does not answer as a quick 503, and
 * refunds that need an Idempotency-Key, answer a replay with the first result and are announced as PaymentRefunded.
 */
@ExtendWith(PlatformExtension.class)
class PaymentApiIT {

    private static String staff;
    private static String customer;
    private static String orders;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
        customer = UserApiIT.newSignedInCustomer().getString("access_token");
        Http.Reply token = http().post("/users/api/service-tokens", "{\"client\":\"orders\",\"secret\":\""
                + PlatformExtension.ORDERS_SERVICE_SECRET + "\"}", null);
        assertEquals(200, token.status(), token.body());
        orders = token.json().getString("access_token");
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static Http.Reply charge(String key, String orderId, long amount, String token, String bearer) {
        HttpRequest.Builder request = http().request("/payments/api/payments", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"" + orderId + "\",\"amount\":{\"amount\":"
                        + amount + ",\"currency\":\"EUR\"},\"token\":\"" + token + "\"}"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http().send(request.build());
    }

    private static Http.Reply refund(String key, String body, String bearer) {
        HttpRequest.Builder request = http().request("/payments/api/refunds", bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http().send(request.build());
    }

    private static String type(Http.Reply problem) {
        return problem.json().getString("type").replaceAll(".*/", "");
    }

    @Test
    void onlyTheOrderServiceCharges() {
        String order = "order-" + UUID.randomUUID();
        UserApiIT.assertProblem(charge(order + ":pay", order, 3990, "tok_visa", customer), 403);
        UserApiIT.assertProblem(charge(order + ":pay", order, 3990, "tok_visa", staff), 403);
        UserApiIT.assertProblem(charge(order + ":pay", order, 3990, "tok_visa", null), 401);
        assertEquals(0, http().get("/payments/api/payments?orderId=" + order, staff).json().getJsonArray("items")
                .size(), "nothing was charged or recorded");
    }

    @Test
    void oneChargePerKeyAndADifferentRequestUnderItIsRefused() {
        String order = "order-" + UUID.randomUUID();
        Http.Reply first = charge(order + ":pay", order, 3990, "tok_visa", orders);
        assertEquals(201, first.status(), first.body());
        assertEquals("CAPTURED", first.json().getString("status"));
        assertTrue(first.header("Location").endsWith(first.json().getString("id")));
        assertTrue(!first.body().contains("tok_visa"), "the card token is not echoed or kept");

        Http.Reply again = charge(order + ":pay", order, 3990, "tok_visa", orders);
        assertEquals(201, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("id"), again.json().getString("id"));
        Http.Reply reused = charge(order + ":pay", order, 4990, "tok_visa", orders);
        UserApiIT.assertProblem(reused, 422);
        assertEquals("idempotency-key-reused", type(reused));
        JsonObject forOrder = http().get("/payments/api/payments?orderId=" + order, staff).json();
        assertEquals(1, forOrder.getJsonArray("items").size(), "one payment, however often it was asked");
    }

    @Test
    void declinesThreeDSecureAndBadRequestsAreClearProblems() {
        String order = "order-" + UUID.randomUUID();
        Http.Reply declined = charge(order + ":pay", order, 1000, "tok_chargeDeclined", orders);
        UserApiIT.assertProblem(declined, 402);
        assertEquals("payment-declined", type(declined));
        assertTrue(declined.json().getString("detail").contains("card_declined"), declined.body());
        Http.Reply threeDs = charge(order + ":3ds", order, 1000, "tok_threeDSecure2Required", orders);
        UserApiIT.assertProblem(threeDs, 402);
        assertEquals("authentication-required", type(threeDs));
        UserApiIT.assertProblem(charge(null, order, 1000, "tok_visa", orders), 400);
        UserApiIT.assertProblem(charge(order + ":x", order, -5, "tok_visa", orders), 400);
        UserApiIT.assertProblem(charge(order + ":y", order, 1000, "4242424242424242", orders), 400);
        // a currency the shop does not sell in is refused like everywhere else, and nothing is recorded
        Http.Reply dollars = http().send(http().request("/payments/api/payments", orders).header("Content-Type",
                "application/json").header("Idempotency-Key", order + ":usd").POST(HttpRequest.BodyPublishers
                        .ofString("{\"orderId\":\"" + order + "-usd\",\"amount\":{\"amount\":1000,\"currency\":"
                                + "\"USD\"},\"token\":\"tok_visa\"}"))
                .build());
        UserApiIT.assertProblem(dollars, 422);
        assertEquals("currency-not-accepted", type(dollars));
        assertEquals(0, ServiceDatabase.payments().count("select count(*) from payment where order_id = ?", order
                + "-usd"));
    }

    @Test
    void aProviderThatDoesNotAnswerIsAQuick503AndChargesNothing() {
        String order = "order-" + UUID.randomUUID();
        long started = System.nanoTime();
        Http.Reply reply = charge(order + ":pay", order, 1000, "tok_timeout", orders);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        UserApiIT.assertProblem(reply, 503);
        assertTrue(millis < 1500, "answered after " + millis + " ms: inside the order service's 1.5 s");
        var items = http().get("/payments/api/payments?orderId=" + order, staff).json().getJsonArray("items");
        assertEquals(1, items.size());
        assertEquals("FAILED", items.getJsonObject(0).getString("status"));
        assertEquals(0, items.getJsonObject(0).getInt("refundable"));
    }

    @Test
    void refundsNeedAKeyAreReplayedAndAnnounced() throws JMSException {
        String order = "order-" + UUID.randomUUID();
        String paymentId = charge(order + ":pay", order, 5000, "tok_visa", orders).json().getString("id");
        String part = "{\"paymentId\":\"" + paymentId + "\",\"amount\":2000,\"reason\":\"scratched\"}";
        UserApiIT.assertProblem(refund("r1-" + order, "{\"paymentId\":\"" + paymentId + "\",\"amount\":100}",
                customer), 403);
        UserApiIT.assertProblem(refund(null, part, staff), 400);
        Http.Reply first;
        try (BrokerClient broker = new BrokerClient(); MessageConsumer events = broker.subscribe("mercato.orders")) {
            first = refund("r1-" + order, part, staff);
            assertEquals(201, first.status(), first.body());
            assertEquals("PARTIALLY_REFUNDED", first.json().getString("paymentStatus"));
            assertEquals(3000, first.json().getInt("remaining"));
            Message refunded = BrokerClient.next(events, Duration.ofSeconds(10),
                    m -> "PaymentRefunded".equals(BrokerClient.property(m, "eventType"))
                            && paymentId.equals(BrokerClient.json(m).getString("paymentId")));
            assertEquals(2000, BrokerClient.json(refunded).getJsonObject("amount").getInt("amount"));
            assertEquals(order, BrokerClient.json(refunded).getString("orderId"));
        }
        // the same refund sent again after a lost answer: the first result, nothing paid twice
        Http.Reply replay = refund("r1-" + order, part, staff);
        assertEquals(201, replay.status(), replay.body());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json(), replay.json());
        Http.Reply reused = refund("r1-" + order, "{\"paymentId\":\"" + paymentId + "\",\"amount\":2500}", staff);
        UserApiIT.assertProblem(reused, 422);
        assertEquals("idempotency-key-reused", type(reused));
        UserApiIT.assertProblem(refund("r2-" + order, "{\"paymentId\":\"" + paymentId + "\",\"amount\":3001}",
                staff), 409);
        Http.Reply rest = refund("r3-" + order, "{\"paymentId\":\"" + paymentId + "\"}", orders);
        assertEquals(201, rest.status(), rest.body());
        assertEquals("REFUNDED", rest.json().getString("paymentStatus"));
        assertEquals(null, rest.header("Idempotent-Replayed"));
        JsonObject payment = http().get("/payments/api/payments/" + paymentId, staff).json();
        assertEquals("REFUNDED", payment.getString("status"));
        assertEquals(5000, payment.getInt("refunded"));
        assertEquals(2, payment.getJsonArray("refunds").size());
        UserApiIT.assertProblem(refund("r4-" + order, "{\"paymentId\":\"not-an-id\"}", staff), 400);
    }
}
