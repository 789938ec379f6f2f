package org.mercato.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.payment.infrastructure.StripePaymentProvider;
import org.mercato.platform.money.Money;
import org.mercato.payment.infrastructure.StripeStub;

/** A whole charge through the Stripe adapter and the local Stripe stub: a failed capture voids the intent. */
class StripeChargeFlowTest {

    private StripeStub stripe;
    private PaymentService service;

    @BeforeEach
    void start() throws Exception {
        stripe = new StripeStub();
        InMemoryPayments db = new InMemoryPayments();
        service = new PaymentService(db, new StripePaymentProvider(stripe.url(), "sk_test_mercato", Duration
                .ofMillis(400), Duration.ofMillis(1000)), (payment, refund) -> {
                }, db, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void aCaptureThatFailsAfterTheAuthorizationCancelsTheIntent() {
        stripe.answer("payment_intents", 200, "{\"id\":\"pi_77\",\"object\":\"payment_intent\",\"status\":"
                + "\"requires_capture\"}");
        stripe.answer("capture", 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"capture failed\"}}");
        stripe.answer("cancel", 200, "{\"id\":\"pi_77\",\"object\":\"payment_intent\",\"status\":\"canceled\"}");
        Payment payment = service.charge("service:orders", "order:77", "order-77", new Money(1999, "EUR"),
                "tok_visa").payment();
        assertEquals(PaymentStatus.VOIDED, payment.status());
        assertEquals(List.of("/v1/payment_intents", "/v1/payment_intents/pi_77/capture",
                "/v1/payment_intents/pi_77/cancel"), stripe.paths());
        assertEquals(List.of(payment.authorizationKey(), payment.captureKey(), payment.voidKey()), stripe.calls
                .stream().map(StripeStub.Call::key).toList());
    }

    @Test
    void threeDSecureEndsAsAuthenticationRequiredWithNothingCaptured() {
        stripe.answer("payment_intents", 200, "{\"id\":\"pi_3ds\",\"object\":\"payment_intent\",\"status\":"
                + "\"requires_action\"}");
        Payment payment = service.charge("service:orders", "order:3ds", "order-3ds", new Money(500, "EUR"),
                "tok_threeDSecure2Required").payment();
        assertEquals(PaymentStatus.AUTHENTICATION_REQUIRED, payment.status());
        assertEquals(List.of("/v1/payment_intents"), stripe.paths());
    }
}
