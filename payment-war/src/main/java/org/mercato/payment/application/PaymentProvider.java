package org.mercato.payment.application;

import org.mercato.platform.money.Money;

/**
 * Port to whoever moves the money: the built-in sandbox processor or Stripe. Every call carries an idempotency key,
 * so repeating it after a timeout never charges or refunds twice. Every call is bounded by the adapter's timeout
 * (see payment-war/README.md, "Time budgets") and is never made inside a database transaction.
 */
public interface PaymentProvider {

    /** What the issuer said to an authorization. */
    enum Outcome {
        APPROVED, DECLINED,
        /** 3-D Secure: the shopper must authenticate first (Stripe's {@code requires_action}). */
        AUTHENTICATION_REQUIRED
    }

    /** The issuer's answer to an authorization; {@code reference} is the provider's id for it. */
    record Authorization(Outcome outcome, String reference, String declineReason) {

        public static Authorization approved(String reference) {
            return new Authorization(Outcome.APPROVED, reference, null);
        }

        public static Authorization declined(String reason) {
            return new Authorization(Outcome.DECLINED, null, reason);
        }

        public static Authorization authenticationRequired(String reference) {
            return new Authorization(Outcome.AUTHENTICATION_REQUIRED, reference, "authentication_required");
        }

        public boolean approved() {
            return outcome == Outcome.APPROVED;
        }
    }

    /**
     * The provider could not be reached, did not answer within the timeout, or failed in a way worth retrying with
     * the same key: whether it acted is unknown.
     */
    class UnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider answered and refused the call (e.g. a capture or refund it will not do). */
    class RejectedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public RejectedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    String name();

    /** Holds {@code amount} on the card the token stands for (the token is used, never stored). */
    Authorization authorize(String idempotencyKey, Money amount, String cardToken, String description);

    /** Takes the held amount. */
    void capture(String idempotencyKey, String reference, Money amount);

    /** Cancels an authorization that was not captured, so the hold on the card is released. */
    void voidAuthorization(String idempotencyKey, String reference);

    /** Gives back {@code amount} (minor units) of a captured payment; returns the provider's refund reference. */
    String refund(String idempotencyKey, String reference, Money amount);
}
