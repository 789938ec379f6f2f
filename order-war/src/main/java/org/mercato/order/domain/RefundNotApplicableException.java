package org.mercato.order.domain;

/**
 * A refund the order cannot take: the order never took the money, the refund is in another currency, or it would
 * give back more than the order charged. Thrown before anything changed.
 */
public class RefundNotApplicableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RefundNotApplicableException(String reason) {
        super(reason, null, false, false);
    }
}
