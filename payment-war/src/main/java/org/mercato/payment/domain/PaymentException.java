package org.mercato.payment.domain;

/**
 * A payment rule refused a request, for a {@link Reason} in the shop's words; the interfaces layer decides which
 * HTTP status says it best.
 */
public class PaymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a payment request was refused. */
    public enum Reason {
        /** The request itself is malformed or out of range. */
        INVALID,
        /** No such payment. */
        NOT_FOUND,
        /** The Idempotency-Key was used by this caller for a different request. */
        KEY_REUSED,
        /** A request with this Idempotency-Key is still being carried out. */
        REQUEST_IN_PROGRESS,
        /** The payment is not in a state that allows the change. */
        PAYMENT_STATE,
        /** More than what is left of the captured amount was asked back. */
        REFUND_EXCEEDS_PAYMENT,
        /** The provider did not answer (or failed) and nothing was moved; the same key may try again. */
        PROVIDER_UNAVAILABLE,
        /** The provider answered and refused to move the money (e.g. a refund it will not make). */
        PROVIDER_REFUSED
    }

    private final Reason reason;
    private final boolean replay;

    /** A refusal for {@code reason}; {@code message} says why, safe to show. */
    public PaymentException(Reason reason, String message) {
        this(reason, message, false);
    }

    private PaymentException(Reason reason, String message, boolean replay) {
        super(message, null, false, false);
        this.reason = reason;
        this.replay = replay;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * True when this refusal was recorded under the request's Idempotency-Key earlier and is answered again (the
     * request did not run again).
     */
    public boolean replay() {
        return replay;
    }

    /** The same refusal, answered again from its key's record. */
    public PaymentException asReplay() {
        return new PaymentException(reason, getMessage(), true);
    }

    public static PaymentException invalid(String message) {
        return new PaymentException(Reason.INVALID, message);
    }

    public static PaymentException notFound(String message) {
        return new PaymentException(Reason.NOT_FOUND, message);
    }
}
