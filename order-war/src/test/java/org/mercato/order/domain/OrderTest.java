package org.mercato.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.CurrencyNotAcceptedException;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

class OrderTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final OrderPricing PRICING = new OrderPricing("EUR", 495, 5000,
            Map.of("DE", 1900, "FR", 2000, "US", 0), false);

    private static Order order() {
        return new Order(UUID.randomUUID(), new Customer("alice", "alice@example.com", "Alice"), "cart-1", 1,
                List.of(new OrderLine("MUG", "Mug", 2, new Money(1250, "EUR"))), PRICING, new ShippingAddress("Alice",
                        "1 Main St", null, "Berlin", "10115", "DE"),
                "key-1", "hash-1", T);
    }

    @Test
    void theHappyPathIsRecordedStepByStep() {
        Order order = order();
        order.markPaid("pay-1", T.plusSeconds(1));
        order.fulfillmentStarted(T.plusSeconds(2));
        order.shipped("TRACK-1", T.plusSeconds(3));
        order.markDelivered("staff@mercato.test", T.plusSeconds(4));
        assertEquals(OrderStatus.DELIVERED, order.status());
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.FULFILLING, OrderStatus.SHIPPED,
                OrderStatus.DELIVERED), order.history().stream().map(Transition::to).toList());
        assertEquals("staff@mercato.test", order.history().get(4).actor());
        assertEquals(T.plusSeconds(3), order.history().get(3).at());
        assertEquals("TRACK-1", order.trackingNumber());
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        Order order = order();
        assertThrows(IllegalTransitionException.class, () -> order.shipped("T", T));
        assertThrows(IllegalTransitionException.class, () -> order.markDelivered("staff", T));
        order.markFailed(FailureKind.PAYMENT_DECLINED, "card_declined", T);
        assertThrows(IllegalTransitionException.class, () -> order.markPaid("pay", T));
        assertThrows(IllegalTransitionException.class, () -> order.cancel("staff", "late", T));
        assertEquals(OrderStatus.FAILED, order.status());
        assertEquals(2, order.history().size());

        Order shipped = order();
        shipped.markPaid("pay", T);
        shipped.fulfillmentStarted(T);
        shipped.shipped("T", T);
        assertThrows(IllegalTransitionException.class, () -> shipped.cancel("staff", "too late", T),
                "a shipped order is not cancelled");
    }

    @Test
    void shipmentNewsThatOvertookTheStartOfFulfillmentPassesThroughFulfilling() {
        Order order = order();
        order.markPaid("pay-1", T);
        order.shipped("TRACK-9", T.plusSeconds(5));
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.FULFILLING, OrderStatus.SHIPPED),
                order.history().stream().map(Transition::to).toList());
    }

    @Test
    void onlyAnUnansweredPaymentLeavesACheckDue() {
        Order declined = order();
        declined.markFailed(FailureKind.PAYMENT_DECLINED, "card_declined", T);
        assertFalse(declined.paymentCheckDue());
        Order unanswered = order();
        unanswered.markFailed(FailureKind.PAYMENT_UNAVAILABLE, "payments did not answer", T);
        assertTrue(unanswered.paymentCheckDue());
        unanswered.paymentChecked();
        assertFalse(unanswered.paymentCheckDue());
    }

    @Test
    void aPaidOrderCancelledNeedsItsMoneyBack() {
        Order unpaid = order();
        unpaid.cancel("alice", "changed my mind", T);
        assertFalse(unpaid.needsRefund());
        Order paid = order();
        paid.markPaid("pay-1", T);
        paid.cancel("staff@mercato.test", "out of stock", T);
        assertTrue(paid.needsRefund());
        paid.refunded("payments", T);
        assertEquals(OrderStatus.REFUNDED, paid.status());
    }

    @Test
    void netPricesGetShippingBelowTheThresholdAndTaxByCountryAdded() {
        Totals small = order().totals();
        assertEquals(2500, small.subtotal().amount());
        assertEquals(495, small.shipping().amount());
        assertEquals(569, small.tax().amount(), "19 % of 29.95, rounded half up");
        assertEquals(3564, small.total().amount());

        Totals large = PRICING.price(List.of(new OrderLine("LAMP", "Lamp", 1, new Money(5000, "EUR"))), "FR");
        assertEquals(0, large.shipping().amount(), "free from 50.00");
        assertEquals(1000, large.tax().amount());
        assertEquals(6000, large.total().amount());

        assertThrows(IllegalArgumentException.class,
                () -> PRICING.price(List.of(new OrderLine("MUG", "Mug", 1, new Money(100, "EUR"))), "XX"));
        assertThrows(CurrencyNotAcceptedException.class, () -> PRICING.price(List.of(
                new OrderLine("A", "A", 1, new Money(100, "EUR")), new OrderLine("B", "B", 1, new Money(100, "USD"))),
                "DE"));
        // a euro shop charges no dollar order, even a cart all in dollars
        assertThrows(CurrencyNotAcceptedException.class,
                () -> PRICING.price(List.of(new OrderLine("A", "A", 1, new Money(100, "USD"))), "DE"));
        assertEquals(OrderPricing.MAX_ORDER_TOTAL, PRICING.price(List.of(new OrderLine("A", "A", 1,
                new Money(OrderPricing.MAX_ORDER_TOTAL * 10_000 / 11_900, "EUR"))), "DE").total().amount() + 1);
        assertThrows(MoneyLimitException.class, () -> PRICING.price(List.of(new OrderLine("A", "A", 99,
                new Money(100_000_000, "EUR"))), "DE"));
        assertThrows(IllegalArgumentException.class, () -> new OrderLine("A", "A", 0, new Money(100, "EUR")));
    }
}
