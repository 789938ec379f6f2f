package org.mercato.order.domain;

/** The order is not in a state that allows this (e.g. shipping a cancelled order). */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String orderId, OrderStatus from, OrderStatus to) {
        super("order " + orderId + " is " + from + " and cannot become " + to, null, false, false);
    }

    /** @param why what stands in the way, said after the order and its state */
    public IllegalTransitionException(String orderId, OrderStatus from, String why) {
        super("order " + orderId + " is " + from + " and " + why, null, false, false);
    }
}
