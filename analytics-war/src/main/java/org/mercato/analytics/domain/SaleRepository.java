package org.mercato.analytics.domain;

import java.util.List;
import java.util.Optional;

/** Where sales facts are kept. Every change to one order's facts runs under {@link #lockOrder}. */
public interface SaleRepository {

    /**
     * Holds the order's lock until the transaction ends, so news about one order (placed, cancelled, refunded)
     * arriving at the same moment on two consumer sessions is applied one after the other, never lost between
     * them.
     */
    void lockOrder(String orderId);

    Optional<Sale> find(String orderId);

    void add(Sale sale);

    Optional<SaleRefund> findRefund(String refundId);

    void addRefund(SaleRefund refund);

    /** Refunds of this order recorded before the order was known, oldest first. */
    List<SaleRefund> refundsWaitingFor(String orderId);

    Optional<SaleCancellation> findCancellation(String orderId);

    void addCancellation(SaleCancellation cancellation);
}
