package org.mercato.payment.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.payment.application.PaymentProvider;
import org.mercato.platform.money.Money;

/**
 * The Stripe adapter (stripe-java) against a local HTTP stub of the Stripe endpoints it calls, answering as
 * Stripe's API does: what it sends (form fields, secret key, idempotency keys) and how it reads approvals, 3-D
 * Secure, declines, refusals, outages and answers too slow for the time budget.
 */
class StripePaymentProviderTest {

    private StripeStub stripe;
    private StripePaymentProvider provider;

    @BeforeEach
    void startStub() throws IOException {
        stripe = new StripeStub();
        provider = new StripePaymentProvider(stripe.url(), "sk_test_mercato", Duration.ofMillis(400),
                Duration.ofMillis(1000));
    }

    @AfterEach
    void stopStub() {
        stripe.close();
    }

    @Test
    void anApprovedCardIsAPaymentIntentAwaitingCaptureThenCapturedVoidedOrRefundedWithStripesKeys() {
        stripe.answer("payment_intents", 200, "{\"id\":\"pi_123\",\"object\":\"payment_intent\",\"status\":"
                + "\"requires_capture\"}");
        PaymentProvider.Authorization authorization = provider.authorize("pay-7-authorize", new Money(1999, "EUR"),
                "tok_visa", "Mercato order order-7");
        assertTrue(authorization.approved());
        assertEquals("pi_123", authorization.reference());
        StripeStub.Call call = stripe.calls.get(0);
        assertEquals("/v1/payment_intents", call.path());
        assertEquals("pay-7-authorize", call.key());
        assertEquals("Bearer sk_test_mercato", call.authorization());
        assertEquals("1999", call.form().get("amount"));
        assertEquals("eur", call.form().get("currency"));
        assertEquals("manual", call.form().get("capture_method"));
        assertEquals("true", call.form().get("confirm"));
        assertEquals("tok_visa", call.form().get("payment_method_data[card][token]"));
        assertEquals("card", call.form().get("payment_method_data[type]"));

        stripe.answer("capture", 200, "{\"id\":\"pi_123\",\"object\":\"payment_intent\",\"status\":\"succeeded\"}");
        provider.capture("pay-7-capture", "pi_123", new Money(1999, "EUR"));
        assertEquals("/v1/payment_intents/pi_123/capture", stripe.calls.get(1).path());
        assertEquals("1999", stripe.calls.get(1).form().get("amount_to_capture"));
        assertEquals("pay-7-capture", stripe.calls.get(1).key());

        stripe.answer("cancel", 200, "{\"id\":\"pi_123\",\"object\":\"payment_intent\",\"status\":\"canceled\"}");
        provider.voidAuthorization("pay-7-void", "pi_123");
        assertEquals("/v1/payment_intents/pi_123/cancel", stripe.calls.get(2).path());
        assertEquals("pay-7-void", stripe.calls.get(2).key());

        stripe.answer("refunds", 200, "{\"id\":\"re_9\",\"object\":\"refund\",\"status\":\"succeeded\"}");
        assertEquals("re_9", provider.refund("refund-1", "pi_123", new Money(500, "EUR")));
        assertEquals("/v1/refunds", stripe.calls.get(3).path());
        assertEquals("pi_123", stripe.calls.get(3).form().get("payment_intent"));
        assertEquals("500", stripe.calls.get(3).form().get("amount"));
        assertEquals("refund-1", stripe.calls.get(3).key());
    }

    @Test
    void requiresActionIsAuthenticationRequiredNotADecline() {
        stripe.answer("payment_intents", 200, "{\"id\":\"pi_3ds\",\"object\":\"payment_intent\",\"status\":"
                + "\"requires_action\",\"next_action\":{\"type\":\"use_stripe_sdk\"}}");
        PaymentProvider.Authorization authorization = provider.authorize("k", new Money(100, "EUR"),
                "tok_threeDSecure2Required", "order");
        assertEquals(PaymentProvider.Outcome.AUTHENTICATION_REQUIRED, authorization.outcome());
        assertEquals("pi_3ds", authorization.reference());
    }

    @Test
    void aCardErrorAskingForAuthenticationIsAuthenticationRequiredNotADecline() {
        stripe.answer("payment_intents", 402, "{\"error\":{\"type\":\"card_error\",\"code\":"
                + "\"authentication_required\",\"decline_code\":\"authentication_required\",\"message\":\"Your"
                + " card was declined. This transaction requires authentication.\",\"payment_intent\":{\"id\":"
                + "\"pi_auth\",\"object\":\"payment_intent\",\"status\":\"requires_payment_method\"}}}");
        PaymentProvider.Authorization authorization = provider.authorize("k", new Money(100, "EUR"),
                "tok_threeDSecureRequired", "order");
        assertEquals(PaymentProvider.Outcome.AUTHENTICATION_REQUIRED, authorization.outcome());
        assertEquals("pi_auth", authorization.reference());
    }

    @Test
    void aCardErrorIsADecline() {
        stripe.answer("payment_intents", 402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
                + "\"decline_code\":\"insufficient_funds\",\"message\":\"Your card has insufficient funds.\"}}");
        PaymentProvider.Authorization authorization = provider.authorize("k", new Money(100, "USD"),
                "tok_chargeDeclinedInsufficientFunds", "order");
        assertFalse(authorization.approved());
        assertEquals(PaymentProvider.Outcome.DECLINED, authorization.outcome());
        assertEquals("insufficient_funds", authorization.declineReason());
    }

    @Test
    void aRefusedCaptureIsRejectedAndAnOutageIsUnavailable() {
        stripe.answer("capture", 400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":"
                + "\"payment_intent_unexpected_state\",\"message\":\"This PaymentIntent could not be captured\"}}");
        assertThrows(PaymentProvider.RejectedException.class,
                () -> provider.capture("c", "pi_1", new Money(100, "EUR")));
        stripe.answer("payment_intents", 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}");
        assertThrows(PaymentProvider.UnavailableException.class,
                () -> provider.authorize("k", new Money(100, "EUR"), "tok_visa", "order"));
        stripe.answer("payment_intents", 429, "{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow\"}}");
        assertThrows(PaymentProvider.UnavailableException.class,
                () -> provider.authorize("k", new Money(100, "EUR"), "tok_visa", "order"));
        int before = stripe.calls.size();
        stripe.close();
        assertThrows(PaymentProvider.UnavailableException.class,
                () -> provider.authorize("k", new Money(100, "EUR"), "tok_visa", "order"));
        assertEquals(before, stripe.calls.size(), "no library retries");
    }

    @Test
    void anAnswerSlowerThanTheCallTimeoutIsGivenUpWithinTheBudget() {
        stripe.answer("payment_intents", 200, "{\"id\":\"pi_slow\",\"status\":\"requires_capture\"}", 3000);
        long started = System.nanoTime();
        assertThrows(PaymentProvider.UnavailableException.class,
                () -> provider.authorize("slow", new Money(100, "EUR"), "tok_visa", "order"));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(millis < 1000, "gave up after " + millis + " ms (call timeout 400 ms)");
        assertEquals(List.of("/v1/payment_intents"), stripe.paths(), "asked once, not retried");
    }
}
