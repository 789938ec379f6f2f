package org.mercato.order.application;

import org.mercato.platform.problem.RefusedException;

/**
 * A request the order service refuses, with the HTTP status and problem type it is answered with; the message is
 * safe to show to the shopper.
 */
public class OrderException extends RefusedException {

    private static final long serialVersionUID = 1L;
    private final boolean replay;

    public OrderException(int status, String type, String message) {
        this(status, type, message, false);
    }

    private OrderException(int status, String type, String message, boolean replay) {
        super(status, type, message);
        this.replay = replay;
    }

    public static OrderException invalid(String message) {
        return new OrderException(400, "invalid-order", message);
    }

    public static OrderException notFound(String message) {
        return new OrderException(404, "not-found", message);
    }

    /** The same refusal, answered again to a replay (same Idempotency-Key, same request) of the attempt it ended. */
    public OrderException asReplay() {
        return new OrderException(status(), type(), getMessage(), true);
    }

    /** True when this refusal is the first answer of an earlier attempt under the same key, given again. */
    public boolean replay() {
        return replay;
    }

    @Override
    public String title() {
        return "authentication-required".equals(type()) ? "Authentication required" : super.title();
    }

    @Override
    public Integer retryAfterSeconds() {
        return "order-in-progress".equals(type()) ? Integer.valueOf(2) : super.retryAfterSeconds();
    }
}
