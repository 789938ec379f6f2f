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
 * Payments over HTTP with the sandbox processor: one charge per Idempotency-Key, declines as 402, a provider that
 * does not answer as a bounded 503, and staff refunds announced as PaymentRefunded.
 */
@ExtendWith(PlatformExtension.class)
class PaymentApiIT {

    private static String staff;
    private static String customer;

    @BeforeAll
    static void signIn() {
        staff = UserApiIT.login(PlatformExtension.ADMIN_EMAIL, PlatformExtension.ADMIN_PASSWORD)
                .getString("access_token");
        customer = UserApiIT.newSignedInCustomer().getString("access_token");
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

    @Test
    void oneChargePerKeyAndADifferentRequestUnderItIsRefused() {
        String order = "order-" + UUID.randomUUID();
        Http.Reply first = charge(order + ":pay", order, 3990, "tok_visa", customer);
        assertEquals(201, first.status(), first.body());
        assertEquals("CAPTURED", first.json().getString("status"));
        assertTrue(first.header("Location").endsWith(first.json().getString("id")));
        assertTrue(!first.body().contains("tok_visa"), "the card token is not echoed or kept");

        Http.Reply again = charge(order + ":pay", order, 3990, "tok_visa", customer);
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json().getString("id"), again.json().getString("id"));
        UserApiIT.assertProblem(charge(order + ":pay", order, 4990, "tok_visa", customer), 422);
        JsonObject forOrder = http().get("/payments/api/payments?orderId=" + order, staff).json();
        assertEquals(1, forOrder.getJsonArray("items").size(), "one payment, however often it was asked");
    }

    @Test
    void declinesAndBadRequestsAreClearProblems() {
        String order = "order-" + UUID.randomUUID();
        Http.Reply declined = charge(order + ":pay", order, 1000, "tok_chargeDeclined", customer);
        UserApiIT.assertProblem(declined, 402);
        assertTrue(declined.json().getString("detail").contains("card_declined"), declined.body());
        UserApiIT.assertProblem(charge(null, order, 1000, "tok_visa", customer), 400);
        UserApiIT.assertProblem(charge(order + ":x", order, -5, "tok_visa", customer), 400);
        UserApiIT.assertProblem(charge(order + ":y", order, 1000, "4242424242424242", customer), 400);
        UserApiIT.assertProblem(charge(order + ":z", order, 1000, "tok_visa", null), 401);
    }

    @Test
    void aProviderThatDoesNotAnswerIsABounded503AndChargesNothing() {
        String order = "order-" + UUID.randomUUID();
        long started = System.nanoTime();
        Http.Reply reply = charge(order + ":pay", order, 1000, "tok_timeout", customer);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        UserApiIT.assertProblem(reply, 503);
        assertTrue(seconds < 10, "answered after " + seconds + " s");
        assertEquals(0, http().get("/payments/api/payments?orderId=" + order, staff).json().getJsonArray("items")
                .size());
    }

    @Test
    void staffRefundInPartsAndEachRefundIsAnnounced() throws JMSException {
        String order = "order-" + UUID.randomUUID();
        String paymentId = charge(order + ":pay", order, 5000, "tok_visa", customer).json().getString("id");
        UserApiIT.assertProblem(http().post("/payments/api/refunds", "{\"paymentId\":\"" + paymentId
                + "\",\"amount\":100}", customer), 403);
        try (BrokerClient broker = new BrokerClient(); MessageConsumer orders = broker.subscribe("mercato.orders")) {
            Http.Reply part = http().post("/payments/api/refunds", "{\"paymentId\":\"" + paymentId
                    + "\",\"amount\":2000,\"reason\":\"scratched\"}", staff);
            assertEquals(201, part.status(), part.body());
            assertEquals("PARTIALLY_REFUNDED", part.json().getJsonObject("payment").getString("status"));
            Message refunded = BrokerClient.next(orders, Duration.ofSeconds(10),
                    m -> "PaymentRefunded".equals(BrokerClient.property(m, "eventType"))
                            && paymentId.equals(BrokerClient.json(m).getString("paymentId")));
            assertEquals(2000, BrokerClient.json(refunded).getJsonObject("amount").getInt("amount"));
            assertEquals(order, BrokerClient.json(refunded).getString("orderId"));
        }
        UserApiIT.assertProblem(http().post("/payments/api/refunds", "{\"paymentId\":\"" + paymentId
                + "\",\"amount\":3001}", staff), 409);
        Http.Reply rest = http().post("/payments/api/refunds", "{\"paymentId\":\"" + paymentId + "\"}", staff);
        assertEquals(201, rest.status(), rest.body());
        assertEquals("REFUNDED", rest.json().getJsonObject("payment").getString("status"));
        UserApiIT.assertProblem(http().post("/payments/api/refunds", "{\"paymentId\":\"not-an-id\"}", staff), 400);
    }
}
