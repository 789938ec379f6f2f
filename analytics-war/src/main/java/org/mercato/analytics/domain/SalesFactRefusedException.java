package org.mercato.analytics.domain;

/**
 * News about a sale that can never be recorded, however often it is delivered (a refund in another currency than
 * its order, more refunded than was paid, totals that do not add up). Thrown before anything is changed.
 */
public class SalesFactRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SalesFactRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
