package org.mercato.payment.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.platform.testing.payara.InPayaraMicro;
import org.mercato.platform.testing.payara.PayaraMicroPlatform;
import org.mercato.platform.testing.payara.TestBroker;

/**
 * The payment WAR on Payara Micro with the Artemis resource adapter, a real broker and PostgreSQL (the built-in
 * sandbox provider): a payment charged by the order service and refunded by staff over HTTP (test tokens) leaves
 * one PaymentRefunded per refund on {@code mercato.orders} through the outbox relay, after its commit; a replayed
 * or refused refund publishes nothing. Payments consumes no events.
 */
@InPayaraMicro(value = "payments", settings = "mercato.payments.provider=sandbox")
class PaymentJmsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PayaraMicroPlatform platform;
    private static TestBroker broker;

    /** The WAR as the build packaged it (failsafe runs after {@code package}): what ships is what is tested. */
    @Deployment(testable = false)
    static WebArchive payments() {
        return PayaraMicroPlatform.packagedWar("payments.war");
    }

    @BeforeAll
    static void ready() throws Exception {
        platform = PayaraMicroPlatform.current();
        broker = platform.broker();
        platform.awaitReady(Duration.ofSeconds(120));
    }

    @Test
    void eachRefundIsPublishedOnceAsPaymentRefundedThroughTheOutboxAfterItsCommit() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String orders = platform.tokens().bearer("service:orders", "orders@services.mercato", "service");
        HttpResponse<String> charged = post("/payments/api/payments", orders, UUID.randomUUID().toString(),
                "{\"orderId\":\"" + orderId + "\",\"amount\":{\"amount\":5000,\"currency\":\"EUR\"},"
                        + "\"token\":\"tok_visa\"}");
        assertEquals(201, charged.statusCode(), charged.body());
        String paymentId = json(charged).getString("id");

        String staff = platform.tokens().staff();
        try (MessageConsumer refunded = broker.subscribe(Topics.ORDERS, "eventType = '" + PaymentRefunded.TYPE
                + "'")) {
            String key = UUID.randomUUID().toString();
            String partial = "{\"paymentId\":\"" + paymentId + "\",\"amount\":2000,\"reason\":\"damaged\"}";
            HttpResponse<String> first = post("/payments/api/refunds", staff, key, partial);
            assertEquals(201, first.statusCode(), first.body());
            HttpResponse<String> replayed = post("/payments/api/refunds", staff, key, partial);
            assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(null));

            TextMessage message = TestBroker.nextAbout(refunded, paymentId, WAIT.toMillis());
            assertNotNull(message, "PaymentRefunded of the partial refund");
            assertEquals(1, message.getIntProperty("schemaVersion"));
            PaymentRefunded body = EventJson.read(message.getText(), PaymentRefunded.CONTRACT);
            // sent after the commit: the refund it announces is there to be read
            assertEquals(new PaymentRefunded(paymentId, orderId, json(first).getString("id"), new MonetaryAmount(
                    2000L, "EUR"), 3000L, "PARTIALLY_REFUNDED", "damaged"), body);

            HttpResponse<String> tooMuch = post("/payments/api/refunds", staff, UUID.randomUUID().toString(),
                    "{\"paymentId\":\"" + paymentId + "\",\"amount\":3001}");
            assertEquals(409, tooMuch.statusCode(), tooMuch.body());
            HttpResponse<String> rest = post("/payments/api/refunds", staff, UUID.randomUUID().toString(),
                    "{\"paymentId\":\"" + paymentId + "\"}");
            assertEquals(201, rest.statusCode(), rest.body());

            PaymentRefunded last = EventJson.read(TestBroker.nextAbout(refunded, paymentId, WAIT.toMillis()).getText(),
                    PaymentRefunded.CONTRACT);
            assertEquals(json(rest).getString("id"), last.refundId());
            assertEquals(new MonetaryAmount(3000L, "EUR"), last.amount());
            assertEquals(0L, last.remaining());
            assertEquals("REFUNDED", last.status());
            assertNull(TestBroker.nextAbout(refunded, paymentId, 1500), "one PaymentRefunded per refund");
        }
        assertEquals(2,
                platform.number("select count(*) from outbox_message where sent_at is not null and payload like ?",
                        "%" + paymentId
                                + "%"));
    }

    private static HttpResponse<String> post(String path, String authorization, String key, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + path)).header("Authorization",
                authorization).header("Idempotency-Key", key).header("Content-Type", "application/json").POST(
                        HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

}
