package org.mercato.analytics.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercato.analytics.infrastructure.OrderEventSamples.event;
import static org.mercato.analytics.infrastructure.OrderEventSamples.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.mercato.analytics.domain.Sale;
import org.mercato.analytics.domain.SaleCancellation;
import org.mercato.analytics.domain.SaleRefund;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.platform.money.Money;

class OrderEventBodiesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void readsTheDocumentedOrderPlaced() {
        Sale sale = OrderEventBodies.orderPlaced(event("OrderPlaced", OrderEventSamples.orderPlaced("o-1")), NOW);
        assertEquals("o-1", sale.orderId());
        assertEquals("2f1e", sale.customerId());
        assertEquals(Instant.parse("2026-11-24T10:15:30Z"), sale.placedAt());
        assertEquals(LocalDate.parse("2026-11-24"), sale.saleDay());
        assertEquals(new Money(41758, "EUR"), sale.total());
        assertEquals(new Money(6960, "EUR"), sale.tax());
        assertEquals(1, sale.lines().size());
        assertEquals("MC-7KQ2ZP", sale.lines().get(0).sku());
        assertEquals("Sonora Crème Headphones 319", sale.lines().get(0).name());
        assertEquals(2, sale.lines().get(0).quantity());
        assertEquals(34798, sale.lines().get(0).revenue());
        assertFalse(sale.taxIncluded(), "an event without taxIncluded was priced net");
    }

    @Test
    void readsAGrossOrderWhoseTaxIsInItsTotal() {
        JsonObject net = json(OrderEventSamples.orderPlaced("o-1"));
        JsonObject gross = Json.createObjectBuilder(net).add("totals", Json.createObjectBuilder(net.getJsonObject(
                "totals")).add("total", Json.createObjectBuilder().add("amount", 34798).add("currency", "EUR")).add(
                        "taxIncluded", true))
                .build();
        Sale sale = OrderEventBodies.orderPlaced(event("OrderPlaced", gross.toString()), NOW);
        assertTrue(sale.taxIncluded());
        assertEquals(new Money(34798, "EUR"), sale.total());
        assertEquals(new Money(6960, "EUR"), sale.tax());
        RejectedMessageException wrongFlag = assertThrows(RejectedMessageException.class, () -> OrderEventBodies
                .orderPlaced(event("OrderPlaced", Json.createObjectBuilder(gross).add("totals", Json
                        .createObjectBuilder(gross.getJsonObject("totals")).add("taxIncluded", "yes")).build()
                        .toString()), NOW));
        assertTrue(wrongFlag.getMessage().contains("totals.taxIncluded must be true or false"), wrongFlag
                .getMessage());
        // the net total with the flag set: the tax would be counted twice
        assertThrows(RejectedMessageException.class, () -> OrderEventBodies.orderPlaced(event("OrderPlaced", Json
                .createObjectBuilder(net).add("totals", Json.createObjectBuilder(net.getJsonObject("totals")).add(
                        "taxIncluded", true))
                .build().toString()), NOW));
    }

    @Test
    void readsTheDocumentedCancellationAndRefund() {
        SaleCancellation cancellation = OrderEventBodies.orderCancelled(event("OrderCancelled",
                OrderEventSamples.orderCancelled("o-1")), NOW);
        assertEquals("o-1", cancellation.orderId());
        assertEquals(Instant.parse("2026-11-24T11:00:00Z"), cancellation.cancelledAt());
        assertEquals("customer asked", cancellation.reason());
        SaleCancellation withoutTime = OrderEventBodies.orderCancelled(event("OrderCancelled",
                "{\"orderId\": \"o-2\"}"), NOW);
        assertEquals(OrderEventSamples.OCCURRED, withoutTime.cancelledAt());

        SaleRefund refund = OrderEventBodies.paymentRefunded(event("PaymentRefunded",
                OrderEventSamples.paymentRefunded("order-42", "c1f2", 2000)), NOW);
        assertEquals("order-42", refund.orderId());
        assertEquals("c1f2", refund.refundId());
        assertEquals("5b0e", refund.paymentId());
        assertEquals(new Money(2000, "EUR"), refund.amount());
        assertNull(refund.appliedAt());
    }

    @Test
    void refusesOrderPlacedBodiesThatCannotBeASaleNamingWhy() {
        JsonObject good = json(OrderEventSamples.orderPlaced("o-1"));
        JsonObject totals = good.getJsonObject("totals");
        JsonObject line = good.getJsonArray("lines").getJsonObject(0);
        Map<String, JsonObject> bad = Map.of(
                "orderId", Json.createObjectBuilder(good).remove("orderId").build(),
                "customer.id", Json.createObjectBuilder(good).add("customer", Json.createObjectBuilder()).build(),
                "lines", Json.createObjectBuilder(good).add("lines", Json.createArrayBuilder()).build(),
                "quantity", Json.createObjectBuilder(good).add("lines", Json.createArrayBuilder().add(Json
                        .createObjectBuilder(line).add("quantity", 1.5))).build(),
                "totals.total", Json.createObjectBuilder(good).add("totals", Json.createObjectBuilder(totals)
                        .remove("total")).build(),
                "is not the total", Json.createObjectBuilder(good).add("totals", Json.createObjectBuilder(totals)
                        .add("tax", Json.createObjectBuilder().add("amount", 1).add("currency", "EUR"))).build(),
                "USD", Json.createObjectBuilder(good).add("lines", Json.createArrayBuilder().add(Json
                        .createObjectBuilder(line).add("total", Json.createObjectBuilder().add("amount", 34798)
                                .add("currency", "USD"))))
                        .build(),
                "placedAt", Json.createObjectBuilder(good).add("placedAt", "yesterday").build());
        bad.forEach((expected, body) -> {
            RejectedMessageException e = assertThrows(RejectedMessageException.class,
                    () -> OrderEventBodies.orderPlaced(event("OrderPlaced", body.toString()), NOW), expected);
            assertTrue(e.getMessage().startsWith("OrderPlaced"), e.getMessage());
            assertTrue(e.getMessage().contains(expected), expected + " not in: " + e.getMessage());
        });
    }

    @Test
    void refusesRefundsWithoutOrderRefundOrAPositiveAmount() {
        for (String body : new String[]{"{\"refundId\": \"r\", \"amount\": {\"amount\": 1, \"currency\": \"EUR\"}}",
                "{\"orderId\": \"o\", \"amount\": {\"amount\": 1, \"currency\": \"EUR\"}}",
                "{\"orderId\": \"o\", \"refundId\": \"r\", \"amount\": {\"amount\": 0, \"currency\": \"EUR\"}}",
                "{\"orderId\": \"o\", \"refundId\": \"r\", \"amount\": {\"amount\": 5, \"currency\": \"eur\"}}",
                "{\"orderId\": \"o\", \"refundId\": \"r\", \"amount\": 5}"}) {
            assertThrows(RejectedMessageException.class,
                    () -> OrderEventBodies.paymentRefunded(event("PaymentRefunded", body), NOW), body);
        }
        assertThrows(RejectedMessageException.class,
                () -> OrderEventBodies.orderCancelled(event("OrderCancelled", "{\"reason\": \"x\"}"), NOW));
    }
}
