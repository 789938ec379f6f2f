package org.mercato.examples.erpbridge;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads {@code OrderPlaced} and {@code OrderCancelled} (schemaVersion 1, docs/events.md) into ledger entries. A
 * tolerant reader: it takes the fields the ledger keeps and ignores the others, so fields Mercato adds later change
 * nothing here; what the ledger cannot do without (the envelope, the order's id) makes the message unusable.
 */
final class OrderEvents {

    /** A paid order, saved: the ledger books its lines and what was charged. */
    static final String ORDER_PLACED = "OrderPlaced";
    /** An order staff stopped before it shipped: the ledger books its reason and the units that go back. */
    static final String ORDER_CANCELLED = "OrderCancelled";

    private OrderEvents() {
    }

    /**
     * The ledger entry for one delivered order event.
     *
     * @param receivedAt
     *            when the bridge received it
     * @throws UnusableEvent
     *             when the message can never be booked: no event id or occurredAt, another event type, a schema
     *             version other than 1, a body that is not a JSON object with an {@code orderId}, a line without a
     *             SKU or a whole quantity, money that is not whole minor units
     */
    static LedgerEntry read(Delivery delivery, Instant receivedAt) throws UnusableEvent {
        if (isBlank(delivery.eventId())) {
            throw new UnusableEvent("no eventId property: the bridge could not tell a redelivery from a new event");
        }
        String type = delivery.eventType();
        if (!ORDER_PLACED.equals(type) && !ORDER_CANCELLED.equals(type)) {
            throw new UnusableEvent("eventType " + type + " is not one this bridge books");
        }
        checkSchemaVersion(delivery.schemaVersion());
        if (isBlank(delivery.occurredAt())) {
            throw new UnusableEvent("no occurredAt property");
        }
        try {
            Instant.parse(delivery.occurredAt());
        } catch (DateTimeParseException e) {
            throw new UnusableEvent("occurredAt " + delivery.occurredAt() + " is not an ISO-8601 instant");
        }
        JsonObject body = parse(delivery.body());
        String orderId = string(body, "orderId");
        if (isBlank(orderId)) {
            throw new UnusableEvent("the body has no orderId");
        }
        JsonObject customer = object(body, "customer");
        String email = customer == null ? null : string(customer, "email");
        Money total;
        String reason = null;
        if (ORDER_PLACED.equals(type)) {
            JsonObject totals = object(body, "totals");
            total = totals == null ? null : money(object(totals, "total"));
        } else {
            total = money(object(body, "total"));
            reason = string(body, "reason");
        }
        return new LedgerEntry(delivery.eventId(), type, orderId, delivery.occurredAt(), receivedAt, delivery
                .correlationId(), email, lines(body), total, reason);
    }

    private static void checkSchemaVersion(String version) throws UnusableEvent {
        if (version == null) {
            throw new UnusableEvent("no schemaVersion property");
        }
        int number;
        try {
            number = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            throw new UnusableEvent("schemaVersion " + version + " is not a number");
        }
        if (number != Envelope.KNOWN_SCHEMA_VERSION) {
            throw new UnusableEvent("schemaVersion " + number + " is not one this bridge knows (it reads "
                    + Envelope.KNOWN_SCHEMA_VERSION + ")");
        }
    }

    private static JsonObject parse(String body) throws UnusableEvent {
        if (body == null) {
            throw new UnusableEvent("not a text message");
        }
        try {
            JsonValue value = Json.createReader(new StringReader(body)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new UnusableEvent("the body is JSON but not an object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new UnusableEvent("the body is not JSON: " + e.getMessage());
        }
    }

    private static List<OrderLine> lines(JsonObject body) throws UnusableEvent {
        JsonValue value = body.get("lines");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new UnusableEvent("lines is not an array");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new UnusableEvent("a line is not an object");
            }
            String sku = string(item.asJsonObject(), "sku");
            JsonNumber quantity = number(item.asJsonObject(), "quantity");
            if (isBlank(sku) || quantity == null || !quantity.isIntegral()) {
                throw new UnusableEvent("a line without a SKU or a whole quantity: " + item);
            }
            try {
                lines.add(new OrderLine(sku, quantity.intValueExact()));
            } catch (ArithmeticException e) {
                throw new UnusableEvent("a line's quantity is out of range: " + item);
            }
        }
        return List.copyOf(lines);
    }

    private static Money money(JsonObject json) throws UnusableEvent {
        if (json == null) {
            return null;
        }
        JsonNumber amount = number(json, "amount");
        String currency = string(json, "currency");
        if (amount == null || !amount.isIntegral() || isBlank(currency)) {
            throw new UnusableEvent("money that is not whole minor units with a currency: " + json);
        }
        try {
            return new Money(amount.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new UnusableEvent("an amount out of range: " + json);
        }
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString text ? text.getString() : null;
    }

    private static JsonNumber number(JsonObject json, String name) {
        return json.get(name) instanceof JsonNumber number ? number : null;
    }

    private static JsonObject object(JsonObject json, String name) {
        return json.get(name) instanceof JsonObject object ? object : null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
