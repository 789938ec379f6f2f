package org.mercato.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

    private static Order paid() {
        Order order = order();
        order.markPaid("pay-1", T);
        return order;
    }

    private static OrderRefund refund(String id, long amount) {
        return new OrderRefund(id, new Money(amount, "EUR"), "scratched");
    }

    @Test
    void everyStateHoldingTheShoppersMoneyMayBecomeRefunded() {
        for (OrderStatus from : List.of(OrderStatus.PAID, OrderStatus.FULFILLING, OrderStatus.SHIPPED,
                OrderStatus.DELIVERED, OrderStatus.CANCELLED)) {
            assertTrue(from.canMoveTo(OrderStatus.REFUNDED), from.name());
        }
        for (OrderStatus from : List.of(OrderStatus.PENDING, OrderStatus.FAILED, OrderStatus.REFUNDED)) {
            assertFalse(from.canMoveTo(OrderStatus.REFUNDED), from.name());
        }
    }

    @Test
    void aPartialRefundIsAStepWithItsAmountAndKeepsTheStatus() {
        Order order = paid();
        order.shipped("TRACK-1", T.plusSeconds(1));
        assertEquals(0, order.refunded().amount());
        assertEquals(3564, order.netPaid().amount());

        assertTrue(order.recordRefund(refund("r-1", 1000), false, "payments", T.plusSeconds(2)));

        assertEquals(OrderStatus.SHIPPED, order.status());
        assertEquals(new Money(1000, "EUR"), order.refunded());
        assertEquals(new Money(2564, "EUR"), order.netPaid());
        Transition step = order.history().get(order.history().size() - 1);
        assertEquals(OrderStatus.SHIPPED, step.from());
        assertEquals(OrderStatus.SHIPPED, step.to());
        assertEquals(T.plusSeconds(2), step.at());
        assertEquals("payments", step.actor());
        assertEquals("scratched", step.note());
        assertEquals(refund("r-1", 1000), step.refund());
        assertEquals(List.of(refund("r-1", 1000)), order.refunds());
        assertEquals(T.plusSeconds(2), order.updatedAt());
    }

    @Test
    void theRefundThatBringsTheSumToTheTotalMakesTheOrderRefundedFromAnyPaidState() {
        for (int reached = 0; reached < 4; reached++) {
            Order order = paid();
            if (reached >= 1) {
                order.fulfillmentStarted(T);
            }
            if (reached >= 2) {
                order.shipped("TRACK-1", T);
            }
            if (reached >= 3) {
                order.markDelivered("staff", T);
            }
            OrderStatus before = order.status();
            order.recordRefund(refund("r-1", 564), false, "payments", T.plusSeconds(1));
            assertEquals(before, order.status());
            order.recordRefund(refund("r-2", 3000), false, "payments", T.plusSeconds(2));
            assertEquals(OrderStatus.REFUNDED, order.status(), "from " + before);
            Transition last = order.history().get(order.history().size() - 1);
            assertEquals(before, last.from());
            assertEquals("r-2", last.refund().refundId());
            assertEquals(3564, order.refunded().amount());
            assertEquals(0, order.netPaid().amount());
            assertEquals(2, order.refunds().size());
        }
    }

    @Test
    void theSameRefundTwiceChangesNothingTheSecondTime() {
        Order order = paid();
        assertTrue(order.recordRefund(refund("r-1", 1000), false, "payments", T));
        int steps = order.history().size();
        assertFalse(order.recordRefund(refund("r-1", 1000), false, "staff", T.plusSeconds(9)));
        assertFalse(order.recordRefund(refund("r-1", 1000), true, "payments", T.plusSeconds(9)),
                "known by its id, whatever else it says");
        assertEquals(steps, order.history().size());
        assertEquals(1000, order.refunded().amount());
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(T, order.updatedAt());
        assertTrue(order.refundRecorded("r-1"));
    }

    @Test
    void paymentsSayingNothingIsLeftEndsTheOrderAndALaterRefundIsStillRecorded() {
        Order order = paid();
        // the last refund learnt first: payments has nothing left, the earlier partial one is on its way
        order.recordRefund(refund("r-2", 3000), true, "payments", T);
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(3000, order.refunded().amount());
        assertTrue(order.recordRefund(refund("r-1", 564), false, "payments", T.plusSeconds(1)));
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(3564, order.refunded().amount());
        Transition last = order.history().get(order.history().size() - 1);
        assertEquals(OrderStatus.REFUNDED, last.from());
        assertEquals(OrderStatus.REFUNDED, last.to());
    }

    @Test
    void aCancelledOrdersRefundMakesItRefundedWithTheAmount() {
        Order order = paid();
        order.cancel("staff", "customer called", T);
        order.recordRefund(new OrderRefund("r-1", new Money(3564, "EUR"), "order cancelled: customer called"), true,
                "staff", T.plusSeconds(1));
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertFalse(order.needsRefund());
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.REFUNDED),
                order.history().stream().map(Transition::to).toList());
        assertEquals("order cancelled: customer called", order.history().get(3).note());
    }

    @Test
    void refundsThatDoNotFitTheOrderAreRefusedAndChangeNothing() {
        Order unpaid = order();
        assertThrows(RefundNotApplicableException.class, () -> unpaid.recordRefund(refund("r-1", 100), false,
                "payments", T));
        Order failed = order();
        failed.markFailed(FailureKind.PAYMENT_UNAVAILABLE, "payments did not answer", T);
        assertThrows(RefundNotApplicableException.class, () -> failed.recordRefund(refund("r-1", 100), true,
                "payments", T));

        Order order = paid();
        order.recordRefund(refund("r-1", 3000), false, "payments", T);
        int steps = order.history().size();
        assertThrows(RefundNotApplicableException.class, () -> order.recordRefund(new OrderRefund("r-2", new Money(
                100, "USD"), null), false, "payments", T), "another currency");
        assertThrows(RefundNotApplicableException.class, () -> order.recordRefund(refund("r-3", 565), false,
                "payments", T), "565 is more than the 564 left");
        assertEquals(steps, order.history().size());
        assertEquals(3000, order.refunded().amount());
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(1, unpaid.history().size());
        assertEquals(0, failed.refunded().amount());
    }

    @Test
    void aRefundHasAnIdAndAPositiveAmount() {
        assertThrows(IllegalArgumentException.class, () -> refund("", 100));
        assertThrows(IllegalArgumentException.class, () -> refund("r-1", 0));
        assertThrows(IllegalArgumentException.class, () -> refund("x".repeat(65), 100));
        assertEquals(null, new OrderRefund("r-1", new Money(1, "EUR"), " ").reason(), "a blank reason is none");
    }

    @Test
    void oneCancelAtATimeAsksForTheRefundACancelledOrderOwes() {
        Duration patience = Duration.ofSeconds(30);
        Order order = order();
        order.markPaid("pay-1", T);
        order.cancel("staff@mercato.test", "customer called", T.plusSeconds(1));
        assertThrows(IllegalTransitionException.class, () -> order.retryRefund(T.plusSeconds(2), patience),
                "the cancel that cancelled it is asking");
        order.refundNotAnswered();
        order.retryRefund(T.plusSeconds(3), patience);
        assertThrows(IllegalTransitionException.class, () -> order.retryRefund(T.plusSeconds(4), patience),
                "the retry is asking now");
        order.retryRefund(T.plusSeconds(33), patience);
        assertEquals(OrderStatus.CANCELLED, order.status());
        assertEquals(3, order.history().size(), "asking again is no step");

        order.refunded("staff@mercato.test", T.plusSeconds(34));
        assertThrows(IllegalTransitionException.class, () -> order.retryRefund(T.plusSeconds(100), patience),
                "nothing owed");
        Order unpaid = order();
        unpaid.cancel("staff@mercato.test", "duplicate", T);
        assertThrows(IllegalTransitionException.class, () -> unpaid.retryRefund(T.plusSeconds(100), patience),
                "never paid: nothing to ask for");
    }
}
