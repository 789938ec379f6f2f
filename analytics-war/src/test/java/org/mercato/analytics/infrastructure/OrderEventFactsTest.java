package org.mercato.analytics.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercato.analytics.infrastructure.OrderEventSamples.eur;
import static org.mercato.analytics.infrastructure.OrderEventSamples.event;
import static org.mercato.analytics.infrastructure.OrderEventSamples.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.mercato.analytics.domain.Sale;
import org.mercato.analytics.domain.SaleCancellation;
import org.mercato.analytics.domain.SaleRefund;
import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.platform.money.Money;

/** Order event bodies as the listener reads them (the contract record, then the fact), good and refused. */
class OrderEventFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static Sale sale(String body) {
        return OrderEventFacts.sale(event(OrderPlaced.TYPE, body).body(OrderPlaced.CONTRACT), NOW);
    }

    private static SaleCancellation cancellation(String body) {
        return OrderEventFacts.cancellation(event(OrderCancelled.TYPE, body).body(OrderCancelled.CONTRACT), NOW);
    }

    private static SaleRefund refund(String body) {
        return OrderEventFacts.refund(event(PaymentRefunded.TYPE, body).body(PaymentRefunded.CONTRACT),
                OrderEventSamples.OCCURRED, NOW);
    }

    @Test
    void readsTheDocumentedOrderPlaced() {
        Sale sale = sale(OrderEventSamples.orderPlaced("o-1"));
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
        assertFalse(sale.taxIncluded(), "taxIncluded: false is net prices");
    }

    @Test
    void readsAGrossOrderWhoseTaxIsInItsTotal() {
        OrderPlaced net = OrderEventSamples.placed("o-1");
        OrderPlaced.Totals t = net.totals();
        OrderPlaced gross = new OrderPlaced(net.orderId(), net.cartId(), net.customer(), net.lines(),
                new OrderPlaced.Totals(t.subtotal(), t.shipping(), t.tax(), eur(34798), true), net.shippingAddress(),
                net.paymentId(), net.placedAt());
        Sale sale = sale(EventJson.write(gross));
        assertTrue(sale.taxIncluded());
        assertEquals(new Money(34798, "EUR"), sale.total());
        assertEquals(new Money(6960, "EUR"), sale.tax());

        JsonObject grossJson = json(EventJson.write(gross));
        RejectedMessageException wrongFlag = assertThrows(RejectedMessageException.class, () -> sale(Json
                .createObjectBuilder(grossJson).add("totals", Json.createObjectBuilder(grossJson.getJsonObject(
                        "totals")).add("taxIncluded", "yes"))
                .build().toString()));
        // the path of the nested field (messaging's EventJson)
        assertTrue(wrongFlag.getMessage().contains("totals.taxIncluded: true or false was expected"), wrongFlag
                .getMessage());
        // the net total with the flag set: the tax would be counted twice
        RejectedMessageException twice = assertThrows(RejectedMessageException.class, () -> sale(EventJson.write(
                new OrderPlaced(net.orderId(), net.cartId(), net.customer(), net.lines(), new OrderPlaced.Totals(t
                        .subtotal(), t.shipping(), t.tax(), t.total(), true), net.shippingAddress(), net.paymentId(),
                        net.placedAt()))));
        assertTrue(twice.getMessage().contains("subtotal + shipping is not the total"), twice.getMessage());
    }

    @Test
    void readsTheDocumentedCancellationAndRefund() {
        SaleCancellation cancellation = cancellation(OrderEventSamples.orderCancelled("o-1"));
        assertEquals("o-1", cancellation.orderId());
        assertEquals(Instant.parse("2026-11-24T11:00:00Z"), cancellation.cancelledAt());
        assertEquals("customer asked", cancellation.reason());
        assertEquals("staff@example.com", cancellation.cancelledBy());

        SaleRefund refund = refund(OrderEventSamples.paymentRefunded("order-42", "c1f2", 2000));
        assertEquals("order-42", refund.orderId());
        assertEquals("c1f2", refund.refundId());
        assertEquals("5b0e", refund.paymentId());
        assertEquals(new Money(2000, "EUR"), refund.amount());
        assertEquals(OrderEventSamples.OCCURRED, refund.occurredAt());
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
                "lines.quantity: a whole number was expected, not 1.5", Json.createObjectBuilder(good).add("lines", Json
                        .createArrayBuilder().add(Json.createObjectBuilder(line).add("quantity", 1.5))).build(),
                "totals.total", Json.createObjectBuilder(good).add("totals", Json.createObjectBuilder(totals)
                        .remove("total")).build(),
                "is not the total", Json.createObjectBuilder(good).add("totals", Json.createObjectBuilder(totals)
                        .add("tax", Json.createObjectBuilder().add("amount", 1).add("currency", "EUR"))).build(),
                "USD", Json.createObjectBuilder(good).add("lines", Json.createArrayBuilder().add(Json
                        .createObjectBuilder(line).add("total", Json.createObjectBuilder().add("amount", 34798)
                                .add("currency", "USD"))))
                        .build(),
                "placedAt", Json.createObjectBuilder(good).add("placedAt", "yesterday").build(),
                "XYZ is not an ISO 4217 code", Json.createObjectBuilder(good).add("totals", Json.createObjectBuilder(
                        totals).add("tax", Json.createObjectBuilder().add("amount", 6960).add("currency", "XYZ")))
                        .build());
        bad.forEach((expected, body) -> {
            RejectedMessageException e = assertThrows(RejectedMessageException.class, () -> sale(body.toString()),
                    expected);
            assertTrue(e.getMessage().startsWith("OrderPlaced"), e.getMessage());
            assertTrue(e.getMessage().contains(expected), expected + " not in: " + e.getMessage());
        });
    }

    @Test
    void refusesBodiesThatAreNotJsonOrOfAnotherVersion() {
        RejectedMessageException notJson = assertThrows(RejectedMessageException.class, () -> sale("not json"));
        assertTrue(notJson.getMessage().startsWith("OrderPlaced"), notJson.getMessage());
        ReceivedEvent version2 = new ReceivedEvent(new EventHeaders(OrderPlaced.TYPE, UUID.randomUUID(), NOW, 2),
                OrderEventSamples.orderPlaced("o-1"));
        RejectedMessageException newer = assertThrows(RejectedMessageException.class, () -> version2.body(
                OrderPlaced.CONTRACT));
        assertTrue(newer.getMessage().contains("schemaVersion 2 is newer"), newer.getMessage());
        RejectedMessageException otherType = assertThrows(RejectedMessageException.class, () -> event(
                OrderCancelled.TYPE, OrderEventSamples.orderPlaced("o-1")).body(OrderPlaced.CONTRACT));
        assertTrue(otherType.getMessage().contains("expected OrderPlaced"), otherType.getMessage());
    }

    @Test
    void refusesRefundsAndCancellationsWithoutWhatTheyNeed() {
        Map<String, String> bad = Map.of(
                "orderId", "{\"paymentId\": \"p\", \"refundId\": \"r\", \"amount\": {\"amount\": 1, \"currency\":"
                        + " \"EUR\"}, \"remaining\": 0, \"status\": \"REFUNDED\"}",
                "refundId", "{\"paymentId\": \"p\", \"orderId\": \"o\", \"amount\": {\"amount\": 1, \"currency\":"
                        + " \"EUR\"}, \"remaining\": 0, \"status\": \"REFUNDED\"}",
                "amount must be positive", "{\"paymentId\": \"p\", \"orderId\": \"o\", \"refundId\": \"r\","
                        + " \"amount\": {\"amount\": 0, \"currency\": \"EUR\"}, \"remaining\": 0, \"status\":"
                        + " \"REFUNDED\"}",
                "currency", "{\"paymentId\": \"p\", \"orderId\": \"o\", \"refundId\": \"r\", \"amount\":"
                        + " {\"amount\": 5, \"currency\": \"eur\"}, \"remaining\": 0, \"status\": \"REFUNDED\"}",
                "amount", "{\"paymentId\": \"p\", \"orderId\": \"o\", \"refundId\": \"r\", \"amount\": 5,"
                        + " \"remaining\": 0, \"status\": \"REFUNDED\"}");
        bad.forEach((expected, body) -> {
            RejectedMessageException e = assertThrows(RejectedMessageException.class, () -> refund(body), body);
            assertTrue(e.getMessage().startsWith("PaymentRefunded"), e.getMessage());
            assertTrue(e.getMessage().contains(expected), expected + " not in: " + e.getMessage());
        });
        RejectedMessageException noOrder = assertThrows(RejectedMessageException.class, () -> cancellation(
                "{\"reason\": \"x\", \"refunded\": false, \"cancelledAt\": \"2026-11-24T11:00:00Z\"}"));
        assertTrue(noOrder.getMessage().contains("orderId"), noOrder.getMessage());
        RejectedMessageException noTime = assertThrows(RejectedMessageException.class, () -> cancellation(
                "{\"orderId\": \"o-2\", \"refunded\": false}"));
        assertTrue(noTime.getMessage().contains("cancelledAt"), noTime.getMessage());
    }
}
