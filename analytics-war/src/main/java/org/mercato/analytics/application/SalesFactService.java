package org.mercato.analytics.application;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.analytics.domain.Sale;
import org.mercato.analytics.domain.SaleCancellation;
import org.mercato.analytics.domain.SaleRefund;
import org.mercato.analytics.domain.SaleRepository;
import org.mercato.analytics.domain.SalesFactRefusedException;

/**
 * Records what happens to orders as sales facts: placed (once per order), cancelled, refunded. Each use case runs
 * in the consumer's transaction (the one that records the event id), under the order's lock, and refuses news it
 * can never record before changing anything, without dooming the transaction: the consumer then parks the message
 * with the reason in that same transaction.
 */
@ApplicationScoped
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = SalesFactRefusedException.class)
public class SalesFactService {

    private static final Logger LOG = Logger.getLogger(SalesFactService.class.getName());

    @Inject
    SaleRepository sales;

    @Inject
    Clock clock;

    protected SalesFactService() {
        // for CDI
    }

    public SalesFactService(SaleRepository sales, Clock clock) {
        this.sales = sales;
        this.clock = clock;
    }

    /**
     * Records a placed order, with any cancellation or refunds that arrived before it.
     *
     * @return false if the order was recorded before (a second OrderPlaced for it changes nothing)
     */
    public boolean orderPlaced(Sale sale) {
        sales.lockOrder(sale.orderId());
        if (sales.find(sale.orderId()).isPresent()) {
            LOG.info(() -> "Order " + sale.orderId() + " is already a sale; this OrderPlaced changes nothing");
            return false;
        }
        sales.findCancellation(sale.orderId()).ifPresent(early -> sale.cancel(early.cancelledAt()));
        for (SaleRefund early : sales.refundsWaitingFor(sale.orderId())) {
            String refusal = sale.refusalOf(early);
            if (refusal == null) {
                sale.addRefund(early, clock.instant());
            } else {
                // the order itself is good news; a refund that does not fit it stays recorded, unapplied, for a look
                LOG.warning(() -> "Refund recorded before its order was not applied: " + refusal);
            }
        }
        sales.add(sale);
        return true;
    }

    /** Takes the order out of the figures, now or as soon as it is known here; cancelling twice changes nothing. */
    public void orderCancelled(SaleCancellation cancellation) {
        sales.lockOrder(cancellation.orderId());
        if (sales.findCancellation(cancellation.orderId()).isEmpty()) {
            sales.addCancellation(cancellation);
        }
        Optional<Sale> sale = sales.find(cancellation.orderId());
        if (sale.isPresent()) {
            sale.get().cancel(cancellation.cancelledAt());
        } else {
            LOG.info(() -> "Order " + cancellation.orderId() + " was cancelled before it was recorded here; the"
                    + " cancellation applies when it arrives");
        }
    }

    /**
     * Adds a refund to its order's refunded amount, once per refund id. A refund whose order is not known yet is
     * recorded and added when the order arrives.
     *
     * @return false if this refund was recorded before
     * @throws SalesFactRefusedException if it can never apply to its (known) order: another currency, or more than
     *             is left of the order's total
     */
    public boolean paymentRefunded(SaleRefund refund) {
        sales.lockOrder(refund.orderId());
        if (sales.findRefund(refund.refundId()).isPresent()) {
            LOG.info(() -> "Refund " + refund.refundId() + " was recorded before; ignored");
            return false;
        }
        Optional<Sale> sale = sales.find(refund.orderId());
        if (sale.isPresent()) {
            String refusal = sale.get().refusalOf(refund);
            if (refusal != null) {
                throw new SalesFactRefusedException(refusal);
            }
            sale.get().addRefund(refund, clock.instant());
        } else {
            LOG.info(() -> "Refund " + refund.refundId() + " for order " + refund.orderId() + " arrived before the"
                    + " order; it applies when the order arrives");
        }
        sales.addRefund(refund);
        return true;
    }
}
