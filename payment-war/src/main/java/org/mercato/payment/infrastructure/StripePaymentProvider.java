package org.mercato.payment.infrastructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import org.mercato.payment.application.PaymentProvider;
import org.mercato.platform.money.Money;

/**
 * Stripe over its HTTP API (form-encoded requests, JSON answers): a PaymentIntent confirmed with manual capture,
 * then captured; refunds against the intent. Every call sends Stripe's {@code Idempotency-Key} header. A card
 * error (HTTP 402) is a decline; no answer, a 429 or a 5xx is "unavailable" (retry with the same key).
 */
public class StripePaymentProvider implements PaymentProvider {

    private final URI baseUrl;
    private final String secretKey;
    private final HttpClient http;
    private final Duration timeout;

    public StripePaymentProvider(URI baseUrl, String secretKey, Duration timeout) {
        this.baseUrl = baseUrl;
        this.secretKey = secretKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Authorization authorize(String key, Money amount, String cardToken, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(amount.amount()));
        form.put("currency", amount.currency().toLowerCase(Locale.ROOT));
        form.put("capture_method", "manual");
        form.put("confirm", "true");
        form.put("payment_method_data[type]", "card");
        form.put("payment_method_data[card][token]", cardToken);
        form.put("description", description);
        Answer answer = post("/v1/payment_intents", form, key);
        if (answer.status() == 402) {
            JsonObject error = answer.body().getJsonObject("error");
            String reason = error == null
                    ? "card_declined"
                    : error.getString("decline_code", error.getString("code", "card_declined"));
            return Authorization.declined(reason);
        }
        requireSuccess(answer);
        String status = answer.body().getString("status", "");
        if (!"requires_capture".equals(status) && !"succeeded".equals(status)) {
            return Authorization.declined("stripe status " + status);
        }
        return Authorization.approved(answer.body().getString("id"));
    }

    @Override
    public void capture(String key, String reference, Money amount) {
        requireSuccess(post("/v1/payment_intents/" + reference + "/capture",
                Map.of("amount_to_capture", Long.toString(amount.amount())), key));
    }

    @Override
    public String refund(String key, String reference, Money amount) {
        Answer answer = post("/v1/refunds", Map.of("payment_intent", reference, "amount",
                Long.toString(amount.amount())), key);
        requireSuccess(answer);
        return answer.body().getString("id");
    }

    private record Answer(int status, JsonObject body) {
    }

    private Answer post(String path, Map<String, String> form, String key) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + secretKey)
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                throw new UnavailableException("stripe answered HTTP " + response.statusCode(), null);
            }
            return new Answer(response.statusCode(), Json.createReader(new StringReader(response.body()))
                    .readObject());
        } catch (IOException | JsonException e) {
            throw new UnavailableException("stripe could not be asked: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while asking stripe", e);
        }
    }

    private static void requireSuccess(Answer answer) {
        if (answer.status() / 100 != 2) {
            JsonObject error = answer.body().getJsonObject("error");
            throw new IllegalStateException("stripe refused the request (HTTP " + answer.status() + "): "
                    + (error == null ? answer.body() : error.getString("message", error.toString())));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
