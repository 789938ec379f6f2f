package org.mercato.order.application;

import org.mercato.platform.problem.RefusedException;

/**
 * A request the order service refuses, with the HTTP status and problem type it is answered with; the message is
 * safe to show to the shopper.
 */
public class OrderException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public OrderException(int status, String type, String message) {
        super(status, type, message);
    }

    public static OrderException invalid(String message) {
        return new OrderException(400, "invalid-order", message);
    }

    public static OrderException notFound(String message) {
        return new OrderException(404, "not-found", message);
    }

    @Override
    public Integer retryAfterSeconds() {
        return "order-in-progress".equals(type()) ? Integer.valueOf(2) : super.retryAfterSeconds();
    }
}
