package org.mercato.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.payment.infrastructure.SandboxPaymentProvider;
import org.mercato.platform.money.Money;

/** Whole charges through the sandbox processor (what embedded mode and the demos use). */
class SandboxChargeFlowTest {

    private final InMemoryPayments db = new InMemoryPayments();
    private final PaymentService service = new PaymentService(db, new SandboxPaymentProvider(Duration.ofMillis(
            200)), (payment, refund) -> {
            }, db, Clock.systemUTC());

    @Test
    void aThreeDSecureCardEndsAuthenticationRequiredNotDeclinedAndItsReplaySaysTheSame() {
        PaymentService.Charge first = service.charge("service:orders", "order:3ds", "order-3ds", new Money(500,
                "EUR"), "tok_threeDSecureRequired");
        assertFalse(first.replay());
        assertEquals(PaymentStatus.AUTHENTICATION_REQUIRED, first.payment().status());
        assertEquals("authentication_required", first.payment().declineReason());

        PaymentService.Charge again = service.charge("service:orders", "order:3ds", "order-3ds", new Money(500,
                "EUR"), "tok_threeDSecureRequired");
        assertTrue(again.replay());
        assertEquals(first.payment().id(), again.payment().id());
        assertEquals(PaymentStatus.AUTHENTICATION_REQUIRED, again.payment().status());
    }

    @Test
    void aDeclinedCardIsDeclinedWithTheIssuersReason() {
        PaymentService.Charge declined = service.charge("service:orders", "order:no", "order-no", new Money(500,
                "EUR"), "tok_chargeDeclined");
        assertEquals(PaymentStatus.DECLINED, declined.payment().status());
        assertEquals("card_declined", declined.payment().declineReason());
    }
}
