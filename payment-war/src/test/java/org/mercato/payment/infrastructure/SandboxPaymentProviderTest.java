package org.mercato.payment.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mercato.payment.application.PaymentProvider;
import org.mercato.platform.money.Money;

class SandboxPaymentProviderTest {

    private final SandboxPaymentProvider sandbox = new SandboxPaymentProvider(Duration.ofMillis(200));
    private final Money amount = new Money(2500, "EUR");

    @Test
    void testTokensAnswerLikeARealProcessor() {
        assertTrue(sandbox.authorize("k1", amount, "tok_visa", "order").approved());
        PaymentProvider.Authorization declined = sandbox.authorize("k2", amount, "tok_chargeDeclined", "order");
        assertFalse(declined.approved());
        assertEquals("card_declined", declined.declineReason());
        assertEquals("insufficient_funds",
                sandbox.authorize("k3", amount, "tok_chargeDeclinedInsufficientFunds", "order").declineReason());
        assertEquals(PaymentProvider.Outcome.AUTHENTICATION_REQUIRED,
                sandbox.authorize("k5", amount, "tok_threeDSecure2Required", "order").outcome());
        assertThrows(PaymentProvider.RejectedException.class,
                () -> sandbox.authorize("k4", amount, "tok_unknown", "order"));
    }

    @Test
    void bothThreeDSecureTestCardsAskForAuthenticationAndAreNoDecline() {
        for (String token : new String[]{"tok_threeDSecureRequired", "tok_threeDSecure2Required"}) {
            PaymentProvider.Authorization answer = sandbox.authorize("3ds-" + token, amount, token, "order");
            assertEquals(PaymentProvider.Outcome.AUTHENTICATION_REQUIRED, answer.outcome(), token);
            assertFalse(answer.approved(), token);
            assertEquals("authentication_required", answer.declineReason(), token);
            assertTrue(answer.reference().startsWith("sbx_pi_"), token);
        }
    }

    @Test
    void theSameKeyGetsTheSameAnswer() {
        PaymentProvider.Authorization first = sandbox.authorize("same", amount, "tok_visa", "order");
        PaymentProvider.Authorization again = sandbox.authorize("same", amount, "tok_visa", "order");
        assertEquals(first.reference(), again.reference());
        assertEquals(sandbox.refund("r1", first.reference(), amount), sandbox.refund("r1", first.reference(), amount));
    }

    @Test
    void aProcessingErrorAsksForARetryWithTheSameKey() {
        assertThrows(PaymentProvider.UnavailableException.class,
                () -> sandbox.authorize("retry", amount, "tok_processingError", "order"));
        assertTrue(sandbox.authorize("retry", amount, "tok_processingError", "order").approved());
    }

    @Test
    void aProviderThatDoesNotAnswerIsGivenUpAfterTheCallTimeout() {
        long started = System.nanoTime();
        assertThrows(PaymentProvider.UnavailableException.class,
                () -> sandbox.authorize("slow", amount, "tok_timeout", "order"));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(millis >= 190 && millis < 1000, "gave up after " + millis + " ms");
    }
}
