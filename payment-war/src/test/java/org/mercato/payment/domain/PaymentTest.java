package org.mercato.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mercato.payment.domain.PaymentException.Reason;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyText;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Payment captured(long amount) {
        Payment payment = Payment.intent("service:orders", "order-1", "key-1", "h".repeat(64), new Money(amount,
                "EUR"), "sandbox", NOW);
        payment.authorized("sbx_pi_1", NOW);
        payment.captured(NOW);
        return payment;
    }

    private static Refund refund(Payment payment, long amount) {
        return Refund.reserve(payment, "staff", "r-" + amount + "-" + payment.refunded(), "h".repeat(64), amount,
                null, "staff", NOW);
    }

    @Test
    void aRefusedRefundSaysTheAmountsInMajorUnits() {
        Payment payment = captured(1000);
        refund(payment, 154).succeeded(payment, "re_1", NOW);
        refund(payment, 100);
        PaymentException e = assertThrows(PaymentException.class, () -> refund(payment, 847));
        assertEquals("only 7.46 EUR of payment " + payment.id() + " can be refunded (1.00 EUR is being refunded right"
                + " now)", e.getMessage());
        assertEquals("8.46 EUR", MoneyText.of(846, "EUR"));
        assertEquals("0.05 EUR", MoneyText.of(5, "EUR"));
        assertEquals("1500 JPY", MoneyText.of(1500, "JPY"));
        assertEquals("1.234 BHD", MoneyText.of(1234, "BHD"));
        assertEquals("12 XAU", MoneyText.of(12, "XAU"));
    }

    @Test
    void refundsInPartsUntilNothingIsLeft() {
        Payment payment = captured(5000);
        refund(payment, 2000).succeeded(payment, "re_1", NOW);
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.status());
        assertEquals(3000, payment.refundable());
        assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, assertThrows(PaymentException.class,
                () -> refund(payment, 3001)).reason());
        Refund last = refund(payment, 3000);
        last.succeeded(payment, "re_2", NOW);
        assertEquals(PaymentStatus.REFUNDED, payment.status());
        assertEquals(0, payment.refundable());
        assertEquals(0L, last.remainingAfter());
        assertEquals("REFUNDED", last.paymentStatusAfter());
    }

    @Test
    void aPendingRefundHoldsItsAmountAndAFailedOneGivesItBack() {
        Payment payment = captured(5000);
        Refund pending = refund(payment, 4000);
        assertEquals(1000, payment.refundable());
        assertThrows(PaymentException.class, () -> refund(payment, 1001));
        pending.failed(payment, "provider_unavailable", NOW);
        assertEquals(5000, payment.refundable());
        assertEquals(RefundStatus.FAILED, pending.status());
        pending.retry(payment, NOW);
        assertEquals(1000, payment.refundable());
        assertEquals(2, pending.attempts());
    }

    @Test
    void onlyCapturedMoneyCanBeRefundedAndOnlyPositiveAmounts() {
        Payment declined = Payment.intent("service:orders", "order-2", "key-2", "h".repeat(64), new Money(100,
                "EUR"), "sandbox", NOW);
        declined.declined("card_declined", NOW);
        assertEquals(0, declined.refundable());
        assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, assertThrows(PaymentException.class,
                () -> declined.reserveRefund(1, NOW)).reason());
        assertEquals(Reason.INVALID, assertThrows(PaymentException.class, () -> captured(100).reserveRefund(0,
                NOW)).reason());
        assertEquals(Reason.PAYMENT_STATE, assertThrows(PaymentException.class, () -> declined.captured(NOW))
                .reason());
    }

    @Test
    void aVoidIsOnlyForAnAuthorizationNotCaptured() {
        Payment payment = Payment.intent("service:orders", "order-3", "key-3", "h".repeat(64), new Money(100,
                "EUR"), "sandbox", NOW);
        payment.authorized("pi", NOW);
        payment.voided("capture_failed", NOW);
        assertEquals(PaymentStatus.VOIDED, payment.status());
        assertEquals(Reason.PAYMENT_STATE, assertThrows(PaymentException.class, () -> captured(100).voided("x",
                NOW)).reason());
    }
}
