package org.mercato.examples.erpbridge;

import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * One order event as the ERP's ledger books it: a line of the ledger file.
 *
 * @param eventId
 *            the event's id (UUID): the ledger books each one once
 * @param eventType
 *            {@code OrderPlaced} or {@code OrderCancelled}
 * @param orderId
 *            the order's id in Mercato
 * @param occurredAt
 *            when it happened in Mercato (ISO-8601 instant, as sent)
 * @param receivedAt
 *            when the bridge booked it
 * @param correlationId
 *            the request that caused it ({@code JMSCorrelationID}), {@code null} when none
 * @param customerEmail
 *            the customer's email, {@code null} when the event has none
 * @param lines
 *            SKUs and whole units; for a cancellation, the units that go back
 * @param total
 *            what was charged (OrderPlaced: the totals' total; OrderCancelled: the order's total), {@code null} when
 *            the event has none
 * @param reason
 *            OrderCancelled: staff's reason, {@code null} otherwise
 */
record LedgerEntry(String eventId, String eventType, String orderId, String occurredAt, Instant receivedAt,
        String correlationId, String customerEmail, List<OrderLine> lines, Money total, String reason) {

    /** One JSON object, fields that are {@code null} left out; money in minor units. */
    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("eventId", eventId).add("eventType", eventType)
                .add("orderId", orderId).add("occurredAt", occurredAt).add("receivedAt", receivedAt.toString());
        if (correlationId != null) {
            json.add("correlationId", correlationId);
        }
        if (customerEmail != null) {
            json.add("customerEmail", customerEmail);
        }
        JsonArrayBuilder lineArray = Json.createArrayBuilder();
        lines.forEach(line -> lineArray.add(Json.createObjectBuilder().add("sku", line.sku()).add("quantity", line
                .quantity())));
        json.add("lines", lineArray);
        if (total != null) {
            json.add("total", Json.createObjectBuilder().add("amount", total.amount()).add("currency", total
                    .currency()));
        }
        if (reason != null) {
            json.add("reason", reason);
        }
        return json.build();
    }

    /** The number of units over all lines. */
    int units() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }
}
