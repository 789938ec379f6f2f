package org.mercato.payment.application;

import org.mercato.platform.money.Money;

/**
 * Port to whoever moves the money: the built-in sandbox processor or Stripe. Every call carries an idempotency key,
 * so repeating it after a timeout never charges or refunds twice.
 */
public interface PaymentProvider {

    /** The issuer's answer to an authorization. */
    record Authorization(boolean approved, String reference, String declineReason) {

        public static Authorization approved(String reference) {
            return new Authorization(true, reference, null);
        }

        public static Authorization declined(String reason) {
            return new Authorization(false, null, reason);
        }
    }

    /** The provider could not be reached or failed in a way worth retrying with the same key. */
    class UnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    String name();

    /** Holds the amount on the card the token stands for (the token is used, never stored). */
    Authorization authorize(String idempotencyKey, Money amount, String cardToken, String description);

    /** Takes the held amount. */
    void capture(String idempotencyKey, String reference, Money amount);

    /** Gives back part or all of a captured amount; returns the provider's refund reference. */
    String refund(String idempotencyKey, String reference, Money amount);
}
