package org.mercato.payment.domain;

/** A payment rule refused a request; {@link #status()} is the HTTP status that says it best. */
public class PaymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;

    public PaymentException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem type slug, e.g. "payment-declined". */
    public String type() {
        return type;
    }

    public static PaymentException invalid(String message) {
        return new PaymentException(400, "invalid-payment", message);
    }
}
