package org.mercato.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.Money;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Payment captured(long amount) {
        Payment payment = Payment.authorized("order-1", "key-1", "h".repeat(64), new Money(amount, "EUR"), "sandbox",
                "sbx_pi_1", NOW);
        payment.captured(NOW);
        return payment;
    }

    @Test
    void refundsInPartsUntilNothingIsLeft() {
        Payment payment = captured(5000);
        payment.refunded(2000, "damaged", "re_1", "staff@mercato.test", NOW);
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.status());
        assertEquals(3000, payment.refundable());
        assertEquals(409, assertThrows(PaymentException.class,
                () -> payment.refunded(3001, null, "re_2", "staff", NOW)).status());
        payment.refunded(3000, null, "re_2", "staff", NOW);
        assertEquals(PaymentStatus.REFUNDED, payment.status());
        assertEquals(0, payment.refundable());
        assertEquals(2, payment.refunds().size());
    }

    @Test
    void onlyCapturedMoneyCanBeRefundedAndOnlyPositiveAmounts() {
        Payment declined = Payment.declined("order-2", "key-2", "h".repeat(64), new Money(100, "EUR"), "sandbox",
                "card_declined", NOW);
        assertEquals(0, declined.refundable());
        assertEquals(409, assertThrows(PaymentException.class, () -> declined.requireRefundable(1)).status());
        assertEquals(400, assertThrows(PaymentException.class, () -> captured(100).requireRefundable(0)).status());
        assertEquals(409, assertThrows(PaymentException.class, () -> declined.captured(NOW)).status());
    }
}
