package org.mercato.analytics.infrastructure;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.mercato.analytics.domain.Sale;
import org.mercato.analytics.domain.SaleCancellation;
import org.mercato.analytics.domain.SaleLine;
import org.mercato.analytics.domain.SaleRefund;
import org.mercato.analytics.domain.SalesFactRefusedException;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.platform.money.Money;

/**
 * Reads the bodies of the order events (docs/events.md) into sales facts. Everything is checked here, before any
 * change: a body that can never make a fact is refused with a {@link RejectedMessageException} naming what is
 * wrong, which parks the message on the dead-letter queue with that reason.
 */
final class OrderEventBodies {

    private OrderEventBodies() {
    }

    static Sale orderPlaced(ReceivedEvent event, Instant now) {
        String orderId = event.string("orderId");
        JsonObject customer = event.object("customer");
        JsonObject totals = event.object("totals");
        JsonValue linesValue = event.body().get("lines");
        if (!(linesValue instanceof JsonArray lineArray) || lineArray.isEmpty()) {
            throw rejected(event, "has no lines");
        }
        Money total = money(event, totals, "totals.total", "total");
        List<SaleLine> lines = new ArrayList<>();
        for (JsonValue value : lineArray) {
            if (!(value instanceof JsonObject line)) {
                throw rejected(event, "has a line that is not an object");
            }
            Money lineTotal = money(event, line, "lines[].total", "total");
            if (!lineTotal.currency().equals(total.currency())) {
                throw rejected(event, "has a line in " + lineTotal.currency() + " in an order paid in "
                        + total.currency());
            }
            lines.add(refusedAsRejected(event, () -> new SaleLine(text(event, line, "lines[].sku", "sku"),
                    optionalText(event, line, "lines[].name", "name"), quantity(event, line), lineTotal.amount())));
        }
        String customerId = text(event, customer, "customer.id", "id");
        Instant placedAt = instant(event, "placedAt");
        return refusedAsRejected(event, () -> Sale.placed(orderId, customerId, placedAt, money(event, totals,
                "totals.subtotal", "subtotal"), money(event, totals, "totals.shipping", "shipping"),
                money(event, totals, "totals.tax", "tax"), total, taxIncluded(event, totals), lines, now));
    }

    static SaleCancellation orderCancelled(ReceivedEvent event, Instant now) {
        String orderId = event.string("orderId");
        // when staff cancelled, by the producer's clock; the envelope's time if the body does not say
        Instant cancelledAt = event.body().containsKey("cancelledAt")
                ? instant(event, "cancelledAt")
                : event.headers().occurredAt();
        return refusedAsRejected(event, () -> new SaleCancellation(orderId, cancelledAt,
                event.optionalString("cancelledBy"), event.optionalString("reason"), now));
    }

    static SaleRefund paymentRefunded(ReceivedEvent event, Instant now) {
        String orderId = event.string("orderId");
        String refundId = event.string("refundId");
        Money amount = money(event, event.body(), "amount", "amount");
        String paymentId = event.optionalString("paymentId");
        return refusedAsRejected(event, () -> new SaleRefund(refundId, orderId, paymentId, amount,
                event.headers().occurredAt(), now));
    }

    private static Money money(ReceivedEvent event, JsonObject parent, String path, String name) {
        JsonValue value = parent.get(name);
        if (!(value instanceof JsonObject money)) {
            throw rejected(event, "has no money " + path + " ({amount, currency})");
        }
        JsonValue amount = money.get("amount");
        if (!(amount instanceof JsonNumber number) || !number.isIntegral()) {
            throw rejected(event, ": " + path + ".amount must be a whole number of minor units");
        }
        String currency = text(event, money, path + ".currency", "currency");
        if (!Money.isCurrency(currency)) {
            throw rejected(event, ": " + path + ".currency " + currency + " is not an ISO 4217 code");
        }
        try {
            return new Money(number.longValueExact(), currency);
        } catch (ArithmeticException tooLarge) {
            throw rejected(event, ": " + path + ".amount is out of range");
        }
    }

    /** {@code totals.taxIncluded}: absent in events from before prices could include tax, which were net. */
    private static boolean taxIncluded(ReceivedEvent event, JsonObject totals) {
        JsonValue value = totals.get("taxIncluded");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw rejected(event, ": totals.taxIncluded must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    private static int quantity(ReceivedEvent event, JsonObject line) {
        JsonValue value = line.get("quantity");
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw rejected(event, ": lines[].quantity must be a whole number");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException tooLarge) {
            throw rejected(event, ": lines[].quantity is out of range");
        }
    }

    private static String text(ReceivedEvent event, JsonObject parent, String path, String name) {
        String value = optionalText(event, parent, path, name);
        if (value == null || value.isBlank()) {
            throw rejected(event, "has no " + path);
        }
        return value;
    }

    private static String optionalText(ReceivedEvent event, JsonObject parent, String path, String name) {
        JsonValue value = parent.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw rejected(event, ": " + path + " must be a string");
        }
        return text.getString();
    }

    private static Instant instant(ReceivedEvent event, String name) {
        String value = event.string(name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw rejected(event, ": " + name + " must be an ISO-8601 instant, not " + value);
        }
    }

    private static <T> T refusedAsRejected(ReceivedEvent event, Supplier<T> fact) {
        try {
            return fact.get();
        } catch (SalesFactRefusedException refused) {
            throw new RejectedMessageException(event.headers().eventType() + ": " + refused.getMessage());
        }
    }

    private static RejectedMessageException rejected(ReceivedEvent event, String what) {
        String separator = what.startsWith(":") ? "" : " ";
        return new RejectedMessageException(event.headers().eventType() + separator + what);
    }
}
