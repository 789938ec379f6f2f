package org.mercato.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.order.application.OrderFakes.Shop;
import org.mercato.order.domain.FailureKind;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderRefund;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.RefundNotApplicableException;
import org.mercato.order.domain.Transition;
import org.mercato.platform.money.Money;

/** Staff cancelling and the late payment check, with payments and inventory played by plain objects (OrderFakes). */
class OrderManagementTest {

    private static final Duration CHECK_AFTER = Duration.ofMinutes(1);

    private final Shop shop = new Shop();

    @Test
    void cancellingAPaidOrderCancelsItThenRefundsIt() {
        Order paid = shop.place("key-1").order();
        Order order = shop.management.cancel(paid.id(), "customer called", "staff@mercato.test");
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.REFUNDED),
                order.history().stream().map(Transition::to).toList());
        assertEquals(List.of(paid.id()), shop.events.cancelled, "OrderCancelled recorded once");
        assertEquals(List.of(true), shop.events.cancelledRefunded, "the event says the money goes back");
        assertEquals(List.of("pay-1"), shop.payments.refunds);
    }

    @Test
    void cancellingTwiceRefundsOnce() {
        Order paid = shop.place("key-1").order();
        shop.management.cancel(paid.id(), "customer called", "staff@mercato.test");
        OrderException again = assertThrows(OrderException.class, () -> shop.management.cancel(paid.id(),
                "customer called", "staff@mercato.test"));
        assertEquals(409, again.status(), "a refunded order cannot be cancelled again");
        assertEquals(OrderStatus.REFUNDED, shop.orders.find(paid.id()).orElseThrow().status());
        assertEquals(List.of("pay-1"), shop.payments.refunds);
        assertEquals(1, shop.events.cancelled.size());
    }

    @Test
    void aRefundPaymentsDidNotAnswerIsRetriedByCancellingAgain() {
        Order paid = shop.place("key-1").order();
        shop.payments.refundsDown = true;
        assertThrows(DependencyUnavailableException.class, () -> shop.management.cancel(paid.id(), "fraud",
                "staff@mercato.test"));
        Order owed = shop.orders.find(paid.id()).orElseThrow();
        assertEquals(OrderStatus.CANCELLED, owed.status());
        assertTrue(owed.needsRefund());

        shop.payments.refundsDown = false;
        Order order = shop.management.cancel(paid.id(), "fraud", "staff@mercato.test");
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(List.of("pay-1"), shop.payments.refunds);
        assertEquals(1, shop.events.cancelled.size(), "OrderCancelled is not recorded twice");
    }

    @Test
    void anOrderStillBeingPlacedCannotBeCancelled() {
        shop.payments.crashAfterCharging = new IllegalStateException("the server stopped");
        assertThrows(IllegalStateException.class, () -> shop.place("key-1"));
        Order pending = shop.byKey("key-1");
        OrderException e = assertThrows(OrderException.class, () -> shop.management.cancel(pending.id(), "why",
                "staff@mercato.test"));
        assertEquals(409, e.status());
        assertEquals("order-in-progress", e.type());
        assertTrue(shop.events.cancelled.isEmpty());
    }

    @Test
    void aChargeFoundLateIsRefundedOnceByThePaymentCheck() {
        shop.payments.down = true;
        shop.payments.chargesWhenDown = true;
        assertEquals(503, shop.refused("key-1").status());
        Order failed = shop.byKey("key-1");
        assertEquals(1, shop.payments.chargesFor(failed.id()), "payments charged, but answered too late");
        shop.payments.down = false;

        assertEquals(0, shop.management.settleUnansweredPayments(CHECK_AFTER, 10), "not due yet");
        assertTrue(shop.payments.refunds.isEmpty());

        shop.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, shop.management.settleUnansweredPayments(CHECK_AFTER, 10));
        assertEquals(List.of("pay-1"), shop.payments.refunds);
        assertFalse(failed.paymentCheckDue());
        assertEquals(OrderStatus.FAILED, failed.status());
        assertEquals(2, shop.stock.released.get(failed.id()), "released when it failed, and again by the check");

        shop.clock.advance(Duration.ofMinutes(2));
        assertEquals(0, shop.management.settleUnansweredPayments(CHECK_AFTER, 10), "checked once");
        assertEquals(List.of("pay-1"), shop.payments.refunds);
    }

    @Test
    void thePaymentCheckWaitsWhilePaymentsDoesNotAnswer() {
        shop.payments.down = true;
        assertEquals(503, shop.refused("key-1").status());
        Order failed = shop.byKey("key-1");
        shop.clock.advance(Duration.ofMinutes(2));
        assertEquals(0, shop.management.settleUnansweredPayments(CHECK_AFTER, 10));
        assertTrue(failed.paymentCheckDue(), "still to check");

        shop.payments.down = false;
        assertEquals(1, shop.management.settleUnansweredPayments(CHECK_AFTER, 10));
        assertTrue(shop.payments.refunds.isEmpty(), "nothing was charged, nothing to refund");
        assertFalse(failed.paymentCheckDue());
    }

    @Test
    void anOrderLeftPendingByACrashIsFailedAndItsChargeRefunded() {
        shop.payments.crashAfterCharging = new IllegalStateException("the server stopped");
        assertThrows(IllegalStateException.class, () -> shop.place("key-1"));
        shop.payments.crashAfterCharging = null;
        Order pending = shop.byKey("key-1");
        assertEquals(OrderStatus.PENDING, pending.status());
        assertEquals("order-in-progress", shop.refused("key-1").type());

        shop.clock.advance(Duration.ofMinutes(2));
        assertEquals(0, shop.management.settleUnansweredPayments(CHECK_AFTER, 10), "it may still be placing");

        shop.clock.advance(OrderManagement.PLACING_CUT_OFF);
        assertEquals(1, shop.management.settleUnansweredPayments(CHECK_AFTER, 10));
        assertEquals(OrderStatus.FAILED, pending.status());
        assertEquals(FailureKind.PAYMENT_UNAVAILABLE, pending.failureKind());
        assertFalse(pending.paymentCheckDue());
        assertEquals(List.of("pay-1"), shop.payments.refunds);
        assertEquals(1, shop.stock.released.get(pending.id()));
        assertTrue(shop.events.placed.isEmpty());
    }

    // 2 mugs at 12.50, 4.95 shipping, 19 % tax added: 35.64 charged
    private static final long TOTAL = 3564;

    private static OrderRefund refund(String id, long amount) {
        return new OrderRefund(id, new Money(amount, "EUR"), "scratched");
    }

    private static long refundSteps(Order order) {
        return order.history().stream().filter(step -> step.refund() != null).count();
    }

    @Test
    void theCancelsRefundIsRecordedWithItsIdAndItsPaymentRefundedAddsNothing() {
        Order paid = shop.place("key-1").order();
        Order order = shop.management.cancel(paid.id(), "customer called", "staff@mercato.test");
        assertEquals(OrderStatus.REFUNDED, order.status());
        Transition refunded = order.history().get(3);
        assertEquals(OrderStatus.CANCELLED, refunded.from());
        assertEquals("staff@mercato.test", refunded.actor());
        assertEquals("refund-1", refunded.refund().refundId());
        assertEquals(new Money(TOTAL, "EUR"), refunded.refund().amount());
        assertEquals("order " + paid.id() + " cancelled: customer called", refunded.note());
        assertEquals(TOTAL, order.refunded().amount());
        assertEquals(0, order.netPaid().amount());

        // the same refund announced by payments afterwards (and delivered twice)
        OrderRefund announced = new OrderRefund("refund-1", new Money(TOTAL, "EUR"), refunded.note());
        shop.management.paymentRefunded(paid.id(), "pay-1", announced, 0);
        shop.management.paymentRefunded(paid.id(), "pay-1", announced, 0);
        assertEquals(1, refundSteps(order), "one step per refund");
        assertEquals(4, order.history().size());
        assertEquals(TOTAL, order.refunded().amount());
    }

    @Test
    void aPaymentRefundedThatOvertakesTheCancelsAnswerIsTheSameRefund() {
        Order paid = shop.place("key-1").order();
        shop.payments.beforeRefundAnswer = () -> shop.management.paymentRefunded(paid.id(), "pay-1",
                new OrderRefund("refund-1", new Money(TOTAL, "EUR"), "early"), 0);
        Order order = shop.management.cancel(paid.id(), "customer called", "staff@mercato.test");
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(1, refundSteps(order));
        assertEquals("payments", order.history().get(3).actor(), "recorded by the event, which came first");
        assertEquals(TOTAL, order.refunded().amount());
    }

    @Test
    void aRefundAnswerLostAndAskedAgainIsRecordedOnce() {
        Order paid = shop.place("key-1").order();
        shop.payments.refundAnswerLost = true;
        assertThrows(DependencyUnavailableException.class, () -> shop.management.cancel(paid.id(), "fraud",
                "staff@mercato.test"));
        assertEquals(OrderStatus.CANCELLED, shop.orders.find(paid.id()).orElseThrow().status());
        Order order = shop.management.cancel(paid.id(), "fraud", "staff@mercato.test");
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(1, refundSteps(order));
        assertEquals(List.of("pay-1"), shop.payments.refunds, "payments replayed its first refund");
    }

    @Test
    void refundsMadeAtPaymentsArePartialThenCompleteTheOrder() {
        Order order = shop.place("key-1").order();
        shop.management.shipped(order.id(), "TRACK-1");

        shop.management.paymentRefunded(order.id(), "pay-1", refund("r-1", 1000), TOTAL - 1000);
        assertEquals(OrderStatus.SHIPPED, order.status(), "a partial refund keeps the status");
        assertEquals(1000, order.refunded().amount());
        assertEquals(TOTAL - 1000, order.netPaid().amount());
        assertEquals(1, refundSteps(order));

        shop.management.paymentRefunded(order.id(), "pay-1", refund("r-1", 1000), TOTAL - 1000);
        assertEquals(1, refundSteps(order), "the same refund again changes nothing");

        shop.management.paymentRefunded(order.id(), "pay-1", refund("r-2", TOTAL - 1000), 0);
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(TOTAL, order.refunded().amount());
        assertEquals(0, order.netPaid().amount());
        assertEquals(2, refundSteps(order));
        assertEquals("payments", order.history().get(order.history().size() - 1).actor());
    }

    @Test
    void aPartialRefundAtPaymentsThenACancelRefundsTheRest() {
        Order paid = shop.place("key-1").order();
        shop.management.paymentRefunded(paid.id(), "pay-1", refund("r-1", 1000), TOTAL - 1000);
        shop.payments.refundedElsewhere.put("pay-1", 1000L);
        Order order = shop.management.cancel(paid.id(), "customer called", "staff@mercato.test");
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(2, refundSteps(order));
        assertEquals(TOTAL, order.refunded().amount());
    }

    @Test
    void refundsOfAnotherPaymentOrAnUnknownOrderChangeNothing() {
        shop.payments.down = true;
        shop.payments.chargesWhenDown = true;
        shop.refused("key-1");
        Order failed = shop.byKey("key-1");
        // the late charge refunded by the payment check: payments announces it for the failed order
        shop.management.paymentRefunded(failed.id(), "pay-1", refund("r-1", TOTAL), 0);
        assertEquals(OrderStatus.FAILED, failed.status());
        assertEquals(0, failed.refunded().amount());
        assertEquals(0, refundSteps(failed));

        shop.management.paymentRefunded(java.util.UUID.randomUUID(), "pay-9", refund("r-9", 100), 0);
    }

    @Test
    void aRefundThatCannotFitTheOrderIsRefused() {
        Order order = shop.place("key-1").order();
        assertThrows(RefundNotApplicableException.class, () -> shop.management.paymentRefunded(order.id(), "pay-1",
                refund("r-1", TOTAL + 1), 0));
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(0, refundSteps(order));
    }

    @Test
    void cancelsSentWhileOneIsRefundingAreRefusedAndOnlyOneGoesThrough() {
        Order paid = shop.place("key-1").order();
        List<OrderException> refused = new ArrayList<>();
        // two more cancels arrive while the first is asking payments for the refund
        shop.payments.beforeRefundAnswer = () -> {
            for (String staff : List.of("leo@mercato.test", "kim@mercato.test")) {
                refused.add(assertThrows(OrderException.class, () -> shop.management.cancel(paid.id(), "again",
                        staff)));
            }
        };
        Order order = shop.management.cancel(paid.id(), "customer called", "staff@mercato.test");
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(2, refused.size());
        for (OrderException e : refused) {
            assertEquals(409, e.status());
            assertEquals("illegal-transition", e.type());
        }
        assertEquals(List.of("pay-1"), shop.payments.refunds, "one refund");
        assertEquals(List.of(paid.id()), shop.events.cancelled, "OrderCancelled once");
        assertEquals(1, order.history().stream().filter(step -> step.to() == OrderStatus.CANCELLED).count());
    }

    @Test
    void aCancelCutOffWhileRefundingIsOvertakenOnlyAfterThePatience() {
        Order paid = shop.place("key-1").order();
        // a cancel decided (CANCELLED, asking for the refund), then its server stopped before payments answered
        shop.store.cancelled(paid.id(), "customer called", "staff@mercato.test");
        OrderException early = assertThrows(OrderException.class, () -> shop.management.cancel(paid.id(),
                "customer called", "staff@mercato.test"));
        assertEquals("illegal-transition", early.type());
        assertTrue(shop.payments.refunds.isEmpty());

        shop.clock.advance(OrderStore.REFUND_PATIENCE);
        Order order = shop.management.cancel(paid.id(), "customer called", "staff@mercato.test");
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(List.of("pay-1"), shop.payments.refunds);
        assertEquals(1, shop.events.cancelled.size());
    }

    @Test
    void anOrderRefundedAtPaymentsCannotBeCancelled() {
        Order paid = shop.place("key-1").order();
        shop.management.paymentRefunded(paid.id(), "pay-1", refund("r-1", TOTAL), 0);
        OrderException e = assertThrows(OrderException.class, () -> shop.management.cancel(paid.id(), "late",
                "staff@mercato.test"));
        assertEquals(409, e.status());
        assertEquals("illegal-transition", e.type());
        assertTrue(shop.events.cancelled.isEmpty());
    }
}
