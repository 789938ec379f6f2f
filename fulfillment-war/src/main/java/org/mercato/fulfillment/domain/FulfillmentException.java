package org.mercato.fulfillment.domain;

/** A fulfillment rule refused a request; {@link #status()} is the HTTP status that says it best. */
public class FulfillmentException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;

    public FulfillmentException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem type slug, e.g. "illegal-shipment-step". */
    public String type() {
        return type;
    }

    public static FulfillmentException invalid(String message) {
        return new FulfillmentException(400, "invalid-request", message);
    }

    public static FulfillmentException notFound(String message) {
        return new FulfillmentException(404, "not-found", message);
    }
}
