package org.mercato.notification.interfaces;

import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mercato.notification.application.WebhookService;
import org.mercato.notification.domain.WebhookAttempt;
import org.mercato.notification.domain.WebhookDelivery;
import org.mercato.notification.domain.WebhookEndpoint;
import org.mercato.platform.web.Paging;

/**
 * Webhook endpoints and their delivery log as JSON (META-INF/mercato/api-responses.json documents each shape). A
 * secret appears only in the answers to registering and rotating.
 */
final class WebhookViews {

    private WebhookViews() {
    }

    static JsonObject endpoint(WebhookEndpoint endpoint, Instant now) {
        return endpointBuilder(endpoint, now).build();
    }

    static JsonObject registered(WebhookService.Registered registered, Instant now) {
        return endpointBuilder(registered.endpoint(), now).add("secret", registered.secret()).build();
    }

    static JsonObject rotated(WebhookService.Rotated rotated) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", rotated.endpoint().id().toString()).add(
                "secret", rotated.secret());
        return orNull(json, "previousSecretValidUntil", rotated.previousSecretValidUntil()).build();
    }

    static JsonObject endpoints(List<WebhookEndpoint> endpoints, long total, Paging paging, Instant now) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        endpoints.forEach(endpoint -> items.add(endpoint(endpoint, now)));
        return paging.answer(items, total);
    }

    private static JsonObjectBuilder endpointBuilder(WebhookEndpoint endpoint, Instant now) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", endpoint.id().toString())
                .add("url", endpoint.url()).add("eventTypes", Json.createArrayBuilder(endpoint.eventTypes()));
        orNull(json, "description", endpoint.description());
        json.add("enabled", endpoint.enabled()).add("createdAt", endpoint.createdAt().toString())
                .add("updatedAt", endpoint.updatedAt().toString());
        return orNull(json, "previousSecretValidUntil", endpoint.previousSecretValidUntil(now));
    }

    static JsonObject deliveries(List<WebhookService.DeliveryLog> deliveries, long total, Paging paging) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        deliveries.forEach(log -> items.add(summaryBuilder(log)));
        return paging.answer(items, total);
    }

    static JsonObject delivery(WebhookService.DeliveryLog log) {
        return summaryBuilder(log).add("payload", log.delivery().payload()).build();
    }

    /** A replayed delivery: its state now (its attempts are in the log). */
    static JsonObject replayed(WebhookDelivery delivery) {
        return stateBuilder(delivery).build();
    }

    private static JsonObjectBuilder summaryBuilder(WebhookService.DeliveryLog log) {
        JsonArrayBuilder attempts = Json.createArrayBuilder();
        for (WebhookAttempt attempt : log.attempts()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("attemptedAt", attempt.attemptedAt().toString())
                    .add("durationMs", attempt.durationMillis());
            if (attempt.statusCode() == null) {
                json.addNull("statusCode");
            } else {
                json.add("statusCode", attempt.statusCode());
            }
            orNull(json, "error", attempt.error());
            json.add("status", attempt.resultingStatus().name());
            orNull(json, "replayedBy", attempt.replayedBy());
            attempts.add(json);
        }
        return stateBuilder(log.delivery()).add("log", attempts);
    }

    private static JsonObjectBuilder stateBuilder(WebhookDelivery delivery) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", delivery.id().toString())
                .add("endpointId", delivery.endpointId().toString()).add("eventId", delivery.eventId().toString())
                .add("eventType", delivery.eventType()).add("occurredAt", delivery.occurredAt().toString())
                .add("status", delivery.status().name()).add("attempts", delivery.attempts());
        orNull(json, "nextAttemptAt", delivery.nextAttemptAt());
        if (delivery.lastStatusCode() == null) {
            json.addNull("lastStatusCode");
        } else {
            json.add("lastStatusCode", delivery.lastStatusCode());
        }
        orNull(json, "lastError", delivery.lastError());
        json.add("createdAt", delivery.createdAt().toString());
        orNull(json, "deliveredAt", delivery.deliveredAt());
        return orNull(json, "failedAt", delivery.failedAt());
    }

    private static JsonObjectBuilder orNull(JsonObjectBuilder json, String name, Object value) {
        return value == null ? json.addNull(name) : json.add(name, value.toString());
    }
}
