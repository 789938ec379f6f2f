package org.mercato.payment.domain;

/** Where a payment stands. AUTHORIZING and AUTHORIZED are in progress (the provider is being asked). */
public enum PaymentStatus {
    /** The intent is recorded; the provider is being asked to hold the money. */
    AUTHORIZING,
    /** The provider holds the money on the card; it is being captured. */
    AUTHORIZED,
    /** The money is taken. */
    CAPTURED,
    /** Part of a captured payment was given back. */
    PARTIALLY_REFUNDED,
    /** All of it was given back. */
    REFUNDED,
    /** The card issuer said no. */
    DECLINED,
    /** The issuer wants the shopper to authenticate (3-D Secure, Stripe's {@code requires_action}); nothing taken. */
    AUTHENTICATION_REQUIRED,
    /** The capture failed after an authorization, and the authorization was cancelled: nothing taken. */
    VOIDED,
    /** The provider did not answer or failed before anything was held; nothing taken, the same key may retry. */
    FAILED;

    /** True while the provider is being asked: the outcome is not known yet. */
    public boolean inProgress() {
        return this == AUTHORIZING || this == AUTHORIZED;
    }
}
