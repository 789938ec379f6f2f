package org.mercato.order.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.events.EventContract;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.messaging.outbox.Outbox;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderLine;
import org.mercato.order.domain.OrderPricing;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.platform.money.Money;

/** The order events as their contracts' records, and as the JSON text consumers read back. */
class OutboxOrderEventsTest {

    private static final Instant PLACED_AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant CANCELLED_AT = Instant.parse("2026-12-01T10:30:00Z");

    /** An outbox that keeps what it is given. */
    private static final class KeptEvents extends Outbox {
        final List<EventContract<?>> contracts = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        @Override
        public <T extends Record> EventHeaders add(EventContract<T> contract, T body) {
            contracts.add(contract);
            bodies.add(EventJson.write(body));
            return EventHeaders.newEvent(contract.eventType(), contract.schemaVersion(), PLACED_AT);
        }
    }

    private static Order paidOrder(UUID id, String cartId, Customer customer) {
        Order order = new Order(id, customer, cartId, 1, List.of(new OrderLine("MUG", "Mug", 2, new Money(1250,
                "EUR")), new OrderLine("CUP", "Cup", 1, new Money(300, "EUR"))), new OrderPricing("EUR", 495, 5000,
                        Map.of("DE", 1900), false),
                new ShippingAddress("Alice", "1 Main St", null, "Berlin",
                        "10115", "DE"),
                "key", "hash", PLACED_AT);
        order.markPaid("pay-1", PLACED_AT);
        return order;
    }

    @Test
    void orderPlacedCarriesTheWholeOrder() {
        UUID id = UUID.randomUUID();
        KeptEvents outbox = new KeptEvents();
        new OutboxOrderEvents(outbox).placed(paidOrder(id, "cart-1", new Customer("alice", "alice@example.com",
                "Alice")));

        assertEquals(List.of(OrderPlaced.CONTRACT), outbox.contracts);
        OrderPlaced placed = EventJson.read(outbox.bodies.get(0), OrderPlaced.CONTRACT);
        assertEquals(id.toString(), placed.orderId());
        assertEquals("cart-1", placed.cartId());
        assertEquals(new OrderCustomer("alice", "alice@example.com", "Alice"), placed.customer());
        assertEquals(List.of(new OrderPlaced.Line("MUG", "Mug", 2, eur(1250), eur(2500)), new OrderPlaced.Line(
                "CUP", "Cup", 1, eur(300), eur(300))), placed.lines());
        // 28.00 of lines, 4.95 shipping, 19 % tax added on top
        assertEquals(new OrderPlaced.Totals(eur(2800), eur(495), eur(626), eur(3921), false), placed.totals());
        assertEquals(new PostalAddress("Alice", "1 Main St", null, "Berlin", "10115", "DE"), placed
                .shippingAddress());
        assertEquals("pay-1", placed.paymentId());
        assertEquals(PLACED_AT, placed.placedAt());
        assertTrue(outbox.bodies.get(0).contains("\"placedAt\":\"2026-12-01T09:00:00Z\""), outbox.bodies.get(0));
        assertTrue(outbox.bodies.get(0).contains("\"unitPrice\":{\"amount\":1250,\"currency\":\"EUR\"}"),
                outbox.bodies.get(0));
    }

    @Test
    void anOrderWithoutCartOrEmailSaysSoWithNulls() {
        KeptEvents outbox = new KeptEvents();
        new OutboxOrderEvents(outbox).placed(paidOrder(UUID.randomUUID(), null, new Customer("bob", null, null)));

        String json = outbox.bodies.get(0);
        assertTrue(json.contains("\"cartId\":null"), json);
        assertTrue(json.contains("\"email\":null"), json);
        assertTrue(json.contains("\"line2\":null"), json);
        assertEquals(new OrderCustomer("bob", null, null), EventJson.read(json, OrderPlaced.CONTRACT).customer());
    }

    @Test
    void orderCancelledCarriesItsLinesTotalAndWhoCancelled() {
        UUID id = UUID.randomUUID();
        Order order = paidOrder(id, "cart-1", new Customer("alice", "alice@example.com", "Alice"));
        order.cancel("staff@mercato.test", null, CANCELLED_AT);
        KeptEvents outbox = new KeptEvents();
        new OutboxOrderEvents(outbox).cancelled(order, null, "staff@mercato.test", true);

        assertEquals(List.of(OrderCancelled.CONTRACT), outbox.contracts);
        assertEquals(new OrderCancelled(id.toString(), "", "staff@mercato.test", true, new OrderCustomer("alice",
                "alice@example.com", "Alice"),
                List.of(new OrderCancelled.Line("MUG", 2), new OrderCancelled.Line(
                        "CUP", 1)),
                eur(3921), CANCELLED_AT),
                EventJson.read(outbox.bodies.get(0),
                        OrderCancelled.CONTRACT));
        assertTrue(outbox.bodies.get(0).contains("\"reason\":\"\""), outbox.bodies.get(0));
    }

    private static MonetaryAmount eur(long minor) {
        return new MonetaryAmount(minor, "EUR");
    }
}
