package org.mercato.payment.domain;

import org.mercato.platform.problem.RefusedException;

/** A payment rule refused a request; {@link #status()} is the HTTP status that says it best. */
public class PaymentException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public PaymentException(int status, String type, String message) {
        super(status, type, message);
    }

    public static PaymentException invalid(String message) {
        return new PaymentException(400, "invalid-payment", message);
    }
}
