package org.mercato.payment.domain;

public enum PaymentStatus {
    /** The provider holds the money on the card; not taken yet. */
    AUTHORIZED,
    /** The money is taken. */
    CAPTURED,
    /** Part of a captured payment was given back. */
    PARTIALLY_REFUNDED,
    /** All of it was given back. */
    REFUNDED,
    /** The card issuer said no. */
    DECLINED
}
