package org.mercato.order.application;

/**
 * A request the order service refuses, with the HTTP status and problem type it is answered with; the message is
 * safe to show to the shopper.
 */
public class OrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;

    public OrderException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public static OrderException invalid(String message) {
        return new OrderException(400, "invalid-order", message);
    }

    public static OrderException notFound(String message) {
        return new OrderException(404, "not-found", message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
