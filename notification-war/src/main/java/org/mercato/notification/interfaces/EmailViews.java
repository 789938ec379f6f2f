package org.mercato.notification.interfaces;

import java.time.Instant;
import java.util.List;

import jakarta.json.Json;

import org.mercato.platform.web.Paging;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mercato.notification.domain.Email;

/** The sent-mail log as JSON: a list entry, and the whole email with its bodies. */
final class EmailViews {

    private EmailViews() {
    }

    static JsonObject page(List<Email> emails, long total, Paging paging) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        emails.forEach(email -> items.add(summary(email)));
        return paging.answer(items, total);
    }

    static JsonObject detail(Email email) {
        JsonObjectBuilder json = summaryBuilder(email).add("text", email.text()).add("html", email.html());
        return orNull(json, "lastError", email.lastError()).build();
    }

    private static JsonObject summary(Email email) {
        return summaryBuilder(email).build();
    }

    private static JsonObjectBuilder summaryBuilder(Email email) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", email.id().toString())
                .add("kind", email.kind().name()).add("orderId", email.orderId()).add("recipient", email.recipient())
                .add("subject", email.subject()).add("status", email.status().name())
                .add("attempts", email.attempts()).add("createdAt", email.createdAt().toString());
        return orNull(json, "sentAt", email.sentAt());
    }

    private static JsonObjectBuilder orNull(JsonObjectBuilder json, String name, Object value) {
        return value == null
                ? json.addNull(name)
                : json.add(name, value instanceof Instant instant ? instant.toString() : value.toString());
    }
}
