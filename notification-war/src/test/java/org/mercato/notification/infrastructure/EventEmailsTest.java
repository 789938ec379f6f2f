package org.mercato.notification.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.notification.application.NotificationService;
import org.mercato.notification.application.TestEvents;
import org.mercato.notification.domain.Email;
import org.mercato.notification.domain.EmailKind;
import org.mercato.notification.domain.EmailRepository;

/**
 * A received event as the listeners apply it: the JSON body read into its contract record, then its email queued
 * (in a list standing in for the database); bodies of the wrong shape refused with their reason, saving nothing.
 */
class EventEmailsTest {

    private final List<Email> saved = new ArrayList<>();
    private final NotificationService notifications = new NotificationService(new SavedEmails(), () -> {
    }, Clock.fixed(Instant.parse("2026-11-24T10:15:32Z"), ZoneOffset.UTC));

    @Test
    void theDocumentedEventsQueueTheirEmailOnce() {
        ReceivedEvent placed = TestEvents.orderPlaced("o-1", "ada@example.com", "Ada Lovelace");
        assertTrue(EventEmails.queue(placed, notifications));
        assertFalse(EventEmails.queue(TestEvents.again(placed), notifications), "one email per event id");
        assertTrue(EventEmails.queue(TestEvents.orderCancelled("o-1", "ada@example.com"), notifications));
        assertTrue(EventEmails.queue(TestEvents.shipmentDispatched("o-1", "ada@example.com"), notifications));
        assertEquals(List.of(EmailKind.ORDER_CONFIRMATION, EmailKind.ORDER_CANCELLED, EmailKind.SHIPMENT_DISPATCHED),
                saved.stream().map(Email::kind).toList());
        assertEquals(List.of("o-1", "o-1", "o-1"), saved.stream().map(Email::orderId).toList());
        assertEquals(placed.headers().eventId(), saved.get(0).eventId());
        assertEquals("ada@example.com", saved.get(2).recipient());
    }

    @Test
    void bodiesOfAnotherShapeAreRefusedNamingTheFieldAndSaveNothing() {
        JsonObject good = json(TestEvents.orderPlaced("o-2", "ada@example.com", "Ada").json());
        JsonObject totals = good.getJsonObject("totals");
        JsonObject line = good.getJsonArray("lines").getJsonObject(0);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("shippingAddress is required", Json.createObjectBuilder(good).remove("shippingAddress").build()
                .toString());
        bad.put("lines must not be empty", Json.createObjectBuilder(good).add("lines", Json.createArrayBuilder())
                .build().toString());
        bad.put("lines[].quantity must be at least 1", Json.createObjectBuilder(good).add("lines", Json
                .createArrayBuilder().add(Json.createObjectBuilder(line).add("quantity", 0))).build().toString());
        bad.put("currency must be an ISO 4217 code, not EU", Json.createObjectBuilder(good).add("lines", Json
                .createArrayBuilder().add(Json.createObjectBuilder(line).add("unitPrice", Json.createObjectBuilder()
                        .add("amount", 17399).add("currency", "EU"))))
                .build().toString());
        // the path of the nested field (messaging's EventJson)
        bad.put("totals.taxIncluded: true or false was expected", Json.createObjectBuilder(good).add("totals", Json
                .createObjectBuilder(totals).add("taxIncluded", "yes")).build().toString());
        bad.put("totals.subtotal.amount: a whole number was expected, not 347.98",
                Json.createObjectBuilder(good).add("totals", Json.createObjectBuilder(totals).add(
                        "subtotal", Json.createObjectBuilder().add("amount", 347.98).add("currency", "EUR"))).build()
                        .toString());
        bad.put("customer.id is required", Json.createObjectBuilder(good).add("customer", Json.createObjectBuilder()
                .add("email", "ada@example.com")).build().toString());
        bad.put("OrderPlaced v1 body unreadable", "not json");
        bad.forEach((reason, json) -> assertRefused(TestEvents.event("OrderPlaced", json), reason));
        assertRefused(TestEvents.event("OrderPlaced", 2, good.toString()), "schemaVersion 2 is newer");
        assertRefused(TestEvents.event("PaymentRefunded", "{}"), "PaymentRefunded is not an event notification"
                + " consumes");
        assertRefused(TestEvents.event("ShipmentDispatched", TestEvents.orderPlaced("o-3", "ada@example.com",
                "Ada").json()), "ShipmentDispatched v1 body unreadable");
        assertEquals(List.of(), saved);
    }

    private void assertRefused(ReceivedEvent event, String reason) {
        RejectedMessageException refused = assertThrows(RejectedMessageException.class, () -> EventEmails.queue(
                event, notifications), reason);
        assertTrue(refused.getMessage().contains(reason), reason + " not in: " + refused.getMessage());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** The email table: one email per event id. */
    private final class SavedEmails implements EmailRepository {

        @Override
        public boolean add(Email email) {
            if (saved.stream().anyMatch(e -> e.eventId().equals(email.eventId()))) {
                return false;
            }
            return saved.add(email);
        }

        @Override
        public List<Email> claimDue(Instant now, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Email> find(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Email> search(String orderId, String recipient, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(String orderId, String recipient) {
            throw new UnsupportedOperationException();
        }
    }
}
