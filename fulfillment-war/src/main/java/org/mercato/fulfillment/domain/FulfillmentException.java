package org.mercato.fulfillment.domain;

import org.mercato.platform.problem.RefusedException;

/** A fulfillment rule refused a request; {@link #status()} is the HTTP status that says it best. */
public class FulfillmentException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public FulfillmentException(int status, String type, String message) {
        super(status, type, message);
    }

    public static FulfillmentException invalid(String message) {
        return new FulfillmentException(400, "invalid-request", message);
    }

    public static FulfillmentException notFound(String message) {
        return new FulfillmentException(404, "not-found", message);
    }
}
