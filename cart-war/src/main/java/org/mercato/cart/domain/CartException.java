package org.mercato.cart.domain;

/** A cart rule refused a request. */
public class CartException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    public CartException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status that says it best (400 bad input, 404 unknown, 409 conflict, 503 a dependency down). */
    public int status() {
        return status;
    }

    public static CartException invalid(String message) {
        return new CartException(400, message);
    }

    public static CartException notFound(String message) {
        return new CartException(404, message);
    }
}
