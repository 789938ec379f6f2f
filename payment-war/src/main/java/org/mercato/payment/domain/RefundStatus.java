package org.mercato.payment.domain;

/** Where a refund stands. */
public enum RefundStatus {
    /** Its amount is reserved on the payment; the provider is being asked. */
    PENDING,
    /** The provider gave the money back. */
    SUCCEEDED,
    /** The provider refused or did not answer; the amount was given back to the payment, the same key may retry. */
    FAILED,
    /**
     * The payment's rules refused it (more than is left, no such payment); nothing was reserved or moved. Its key
     * keeps the refusal: the same request answers it again, another request under the key is refused.
     */
    REFUSED
}
