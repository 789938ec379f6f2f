package org.mercato.payment.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.payment.application.PaymentProvider;
import org.mercato.platform.money.Money;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Stripe adapter against a local HTTP stub of the Stripe endpoints it calls, answering as Stripe's API does:
 * what it sends (form fields, secret key, idempotency key) and how it reads approvals, declines and outages.
 */
class StripePaymentProviderTest {

    record Call(String path, String key, String authorization, Map<String, String> form) {
    }

    private HttpServer stripe;
    private final List<Call> calls = new ArrayList<>();
    private int status = 200;
    private String answer = "{}";
    private StripePaymentProvider provider;

    @BeforeEach
    void startStub() throws IOException {
        stripe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stripe.createContext("/v1/", this::handle);
        stripe.start();
        provider = new StripePaymentProvider(URI.create("http://127.0.0.1:" + stripe.getAddress().getPort()),
                "sk_test_mercato", Duration.ofSeconds(2));
    }

    @AfterEach
    void stopStub() {
        stripe.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization"), form));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void anApprovedCardIsAPaymentIntentAwaitingCapture() {
        answer = "{\"id\":\"pi_123\",\"object\":\"payment_intent\",\"status\":\"requires_capture\"}";
        PaymentProvider.Authorization authorization = provider.authorize("order-7:charge", new Money(1999, "EUR"),
                "tok_visa", "Mercato order order-7");
        assertTrue(authorization.approved());
        assertEquals("pi_123", authorization.reference());
        Call call = calls.get(0);
        assertEquals("/v1/payment_intents", call.path());
        assertEquals("order-7:charge", call.key());
        assertEquals("Bearer sk_test_mercato", call.authorization());
        assertEquals("1999", call.form().get("amount"));
        assertEquals("eur", call.form().get("currency"));
        assertEquals("manual", call.form().get("capture_method"));
        assertEquals("true", call.form().get("confirm"));
        assertEquals("tok_visa", call.form().get("payment_method_data[card][token]"));

        answer = "{\"id\":\"pi_123\",\"status\":\"succeeded\"}";
        provider.capture("order-7:charge:capture", "pi_123", new Money(1999, "EUR"));
        assertEquals("/v1/payment_intents/pi_123/capture", calls.get(1).path());
        assertEquals("1999", calls.get(1).form().get("amount_to_capture"));

        answer = "{\"id\":\"re_9\",\"object\":\"refund\",\"status\":\"succeeded\"}";
        assertEquals("re_9", provider.refund("p:refund:1", "pi_123", new Money(500, "EUR")));
        assertEquals("/v1/refunds", calls.get(2).path());
        assertEquals("pi_123", calls.get(2).form().get("payment_intent"));
        assertEquals("500", calls.get(2).form().get("amount"));
        assertEquals("p:refund:1", calls.get(2).key());
    }

    @Test
    void aCardErrorIsADecline() {
        status = 402;
        answer = "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":"
                + "\"insufficient_funds\",\"message\":\"Your card has insufficient funds.\"}}";
        PaymentProvider.Authorization authorization = provider.authorize("k", new Money(100, "USD"),
                "tok_chargeDeclinedInsufficientFunds", "order");
        assertFalse(authorization.approved());
        assertEquals("insufficient_funds", authorization.declineReason());
    }

    @Test
    void anOutageIsWorthARetryWithTheSameKey() {
        status = 500;
        answer = "{\"error\":{\"type\":\"api_error\"}}";
        assertThrows(PaymentProvider.UnavailableException.class,
                () -> provider.authorize("k", new Money(100, "EUR"), "tok_visa", "order"));
        stripe.stop(0);
        assertThrows(PaymentProvider.UnavailableException.class,
                () -> provider.authorize("k", new Money(100, "EUR"), "tok_visa", "order"));
    }
}
