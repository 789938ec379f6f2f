package org.mercato.messaging.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mercato.messaging.RejectedMessageException;

class EventJsonTest {

    static final MonetaryAmount EUR_10 = new MonetaryAmount(1_000L, "EUR");

    static OrderPlaced orderPlaced() {
        return new OrderPlaced("order-1", null, new OrderCustomer("u-1", "ada@example.com", "Ada"),
                List.of(new OrderPlaced.Line("MC-1", "Lamp", 2, EUR_10, new MonetaryAmount(2_000L, "EUR"))),
                new OrderPlaced.Totals(new MonetaryAmount(2_000L, "EUR"), new MonetaryAmount(0L, "EUR"),
                        new MonetaryAmount(333L, "EUR"), new MonetaryAmount(2_000L, "EUR"), true),
                new PostalAddress("Ada", "1 Analytical Row", null, "London", "N1 1AA", "GB"), "pay-1",
                Instant.parse("2026-11-24T10:15:30Z"));
    }

    @Test
    void aBodyReadBackEqualsTheOneWritten() {
        OrderPlaced placed = orderPlaced();
        String json = EventJson.write(placed);
        assertTrue(json.contains("\"placedAt\":\"2026-11-24T10:15:30Z\""), json);
        assertTrue(json.contains("\"line2\":null"), "optional fields are written as null: " + json);
        assertEquals(placed, EventJson.read(json, OrderPlaced.CONTRACT));

        ProductChanged product = new ProductChanged("p-1", 3L, "lamp", "Lamp", "ACTIVE", null, "home",
                ProductChanged.DEMO, Instant.parse("2026-11-24T10:15:30.123Z"),
                List.of(new ProductChanged.Variant("MC-1", EUR_10, Map.of("colour", "black"))));
        assertEquals(product, EventJson.read(EventJson.write(product), ProductChanged.CONTRACT));
    }

    @Test
    void aMissingRequiredFieldIsRejectedWithItsName() {
        RejectedMessageException missing = assertThrows(RejectedMessageException.class, () -> EventJson.read(
                "{\"quantity\":4}", StockAdjusted.CONTRACT));
        assertTrue(missing.getMessage().contains("sku"), missing.getMessage());
        RejectedMessageException nested = assertThrows(RejectedMessageException.class, () -> EventJson.read(
                EventJson.write(orderPlaced()).replace("\"postalCode\":\"N1 1AA\"", "\"postalCode\":null"),
                OrderPlaced.CONTRACT));
        assertTrue(nested.getMessage().contains("shippingAddress.postalCode"), nested.getMessage());
    }

    @Test
    void malformedBodiesAreRejectedNotMisread() {
        for (String body : List.of("not json", "[]", "{\"sku\":\"MC-1\",\"quantity\":2.5}",
                "{\"sku\":\"MC-1\",\"quantity\":\"many\"}", "{\"sku\":7,\"quantity\":1}", "")) {
            assertThrows(RejectedMessageException.class, () -> EventJson.read(body, StockAdjusted.CONTRACT), body);
        }
        RejectedMessageException broken = assertThrows(RejectedMessageException.class, () -> EventJson.read(
                "this is not JSON {", OrderPlaced.CONTRACT));
        assertTrue(broken.getMessage().startsWith("OrderPlaced v1 body unreadable: not JSON"), broken.getMessage());
        assertThrows(RejectedMessageException.class, () -> EventJson.read(
                "{\"amount\":{\"amount\":5,\"currency\":\"euro\"},\"paymentId\":\"p\",\"orderId\":\"o\","
                        + "\"refundId\":\"r\",\"remaining\":0,\"status\":\"REFUNDED\"}",
                PaymentRefunded.CONTRACT));
    }

    @Test
    void theReasonNamesTheNestedFieldAndWhatWasWrong() {
        String placed = EventJson.write(orderPlaced());
        RejectedMessageException fraction = assertThrows(RejectedMessageException.class, () -> EventJson.read(
                placed.replace("\"quantity\":2", "\"quantity\":2.5"), OrderPlaced.CONTRACT));
        assertTrue(fraction.getMessage().contains("lines.quantity: a whole number was expected, not 2.5"), fraction
                .getMessage());
        RejectedMessageException flag = assertThrows(RejectedMessageException.class, () -> EventJson.read(placed
                .replace("\"taxIncluded\":true", "\"taxIncluded\":\"yes\""), OrderPlaced.CONTRACT));
        assertTrue(flag.getMessage().contains("totals.taxIncluded: true or false was expected"), flag.getMessage());
        // the first releases' events lack taxIncluded: read as false
        assertEquals(false, EventJson.read(placed.replace(",\"taxIncluded\":true", ""), OrderPlaced.CONTRACT)
                .totals().taxIncluded());
    }

    @Test
    void fieldsAddedByANewerProducerOfTheSameVersionAreIgnored() {
        StockLow low = EventJson.read("{\"sku\":\"MC-1\",\"available\":3,\"threshold\":5,\"warehouse\":\"MAIN\"}",
                StockLow.CONTRACT);
        assertEquals(new StockLow("MC-1", 3L, 5L), low);
    }

    @Test
    void everyContractIsListedOnceWithItsSchemaFile() {
        assertEquals(EventJson.CONTRACTS.size(), EventJson.CONTRACTS.stream().map(EventContract::eventType)
                .distinct().count());
        assertEquals("OrderPlaced.v1.json", OrderPlaced.CONTRACT.schemaFile());
        assertEquals(OrderPlaced.CONTRACT, EventJson.contract("OrderPlaced").orElseThrow());
        assertTrue(EventJson.contract("OrderShipped").isEmpty());
    }
}
