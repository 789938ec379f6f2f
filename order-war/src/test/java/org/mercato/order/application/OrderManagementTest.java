package org.mercato.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.order.application.OrderFakes.Shop;
import org.mercato.order.domain.FailureKind;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.Transition;

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
}
