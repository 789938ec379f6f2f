package org.mercato.order.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.order.domain.IllegalTransitionException;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderRefund;
import org.mercato.order.domain.OrderRepository;
import org.mercato.order.domain.OrderSearch;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.RefundNotApplicableException;
import org.mercato.platform.money.MoneyText;

/**
 * Everything after placing: reading orders, staff cancelling (stock back, money back) and marking delivered, the
 * warehouse's news moving orders on, payments' refunds recorded in the order, and the late check of charges that
 * were not answered in time.
 */
@ApplicationScoped
public class OrderManagement {

    private static final Logger LOG = Logger.getLogger(OrderManagement.class.getName());
    static final Duration PLACING_CUT_OFF = Duration.ofMinutes(5);
    /** The actor of the steps payments' own news makes. */
    static final String PAYMENTS = "payments";

    @Inject
    OrderRepository orders;

    @Inject
    OrderEvents events;

    @Inject
    PaymentGateway payments;

    @Inject
    StockReservations stock;

    @Inject
    OrderStore store;

    @Inject
    Clock clock;

    /** An order as its owner or staff may see it; someone else's is "not found", as if it did not exist. */
    @Transactional
    public Order order(UUID id, String customerId, boolean staff) {
        Order order = orders.find(id).orElseThrow(() -> OrderException.notFound("no order " + id));
        if (!staff && !order.customerId().equals(customerId)) {
            throw OrderException.notFound("no order " + id);
        }
        return order;
    }

    /** One page of a list of orders, and how many the list has on all its pages. */
    public record OrderPage(List<Order> items, long total) {
        public OrderPage {
            items = List.copyOf(items);
        }
    }

    /**
     * Orders newest first: the caller's own, or every customer's when staff ask for {@code everyone}; only those in
     * {@code status} when it is given. Each filter works alone and with the other, for every caller.
     *
     * @see #list(String, boolean, boolean, OrderSearch, int, int)
     */
    @Transactional
    public OrderPage list(String customerId, boolean staff, boolean everyone, OrderStatus status, int page,
            int size) {
        return list(customerId, staff, everyone, OrderSearch.all().withStatus(status), page, size);
    }

    /**
     * The orders a search keeps, sorted as it says: the caller's own, or every customer's when staff ask for
     * {@code everyone}. Every criterion works alone and with the others, for every caller: without
     * {@code everyone} they narrow the caller's own orders (a customer never sees another's, whatever they ask).
     *
     * @param customerId the caller (the token's subject)
     * @param staff whether the caller is staff or an admin
     * @param everyone every customer's orders instead of the caller's own (staff only)
     * @param search the criteria and sort; its customer is replaced by the caller's unless {@code everyone}
     * @throws OrderException 403 {@code forbidden} when someone who is not staff asks for every customer's orders
     */
    @Transactional
    public OrderPage list(String customerId, boolean staff, boolean everyone, OrderSearch search, int page,
            int size) {
        if (everyone && !staff) {
            throw new OrderException(403, "forbidden", "only staff may list every customer's orders (all=true)");
        }
        OrderSearch whose = search.ofCustomer(everyone ? null : customerId);
        return new OrderPage(orders.search(whose, page, size), orders.count(whose));
    }

    /**
     * Staff stop an order before it ships: CANCELLED (with OrderCancelled, so inventory puts the units back and
     * fulfillment drops the shipment), then its payment is refunded and it becomes REFUNDED. If payments does not
     * answer, it stays CANCELLED with the refund owed; cancelling again retries the refund. Of several cancels sent
     * at once exactly one goes through; the others are refused with 409 {@code illegal-transition}.
     */
    public Order cancel(UUID id, String reason, String staffMember) {
        Order order = store.cancelled(id, reason, staffMember);
        if (!order.needsRefund()) {
            return order;
        }
        PaymentGateway.Refunded refunded;
        try {
            refunded = payments.refundAll(order.paymentId(), "order " + id + " cancelled: " + reason);
        } catch (RuntimeException noAnswer) {
            try {
                store.refundNotAnswered(id);
            } catch (RuntimeException e) {
                // then the next cancel waits out OrderStore.REFUND_PATIENCE before it asks again
                LOG.warning(() -> "Order " + id + ": could not note the unanswered refund (" + e.getMessage() + ")");
            }
            throw noAnswer;
        }
        return store.refunded(id, refunded, staffMember);
    }

    /**
     * A refund made at payments (PaymentRefunded; also the one a cancel asked for, then it was recorded already):
     * recorded once per refund id as a step of the order's history; the one that gives the last of the money back
     * makes the order REFUNDED. A refund of a payment that is not the order's (the late charge of a failed order,
     * refunded by the payment check) or of an unknown order changes nothing.
     *
     * @param paymentId the refunded payment, as payments knows it
     * @param remaining minor units payments has left to refund of that payment after this refund
     * @throws RefundNotApplicableException before changing anything: the refund can never fit the order (another
     *             currency, more than it charged); the transaction is not doomed by it
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RefundNotApplicableException.class)
    public void paymentRefunded(UUID orderId, String paymentId, OrderRefund refund, long remaining) {
        orders.lock(orderId).ifPresentOrElse(order -> {
            if (!paymentId.equals(order.paymentId())) {
                LOG.info(() -> "PaymentRefunded of payment " + paymentId + " for order " + orderId + " ("
                        + order.status() + ", payment " + order.paymentId() + "): not the order's payment, nothing"
                        + " to record");
            } else if (order.recordRefund(refund, remaining == 0, PAYMENTS, clock.instant())) {
                LOG.info(() -> "Order " + orderId + ": refund " + refund.refundId() + " of " + MoneyText.of(refund
                        .amount()) + " recorded, " + MoneyText.of(order.refunded()) + " refunded in all, " + order
                                .status());
            } else {
                LOG.info(() -> "Order " + orderId + ": refund " + refund.refundId() + " was recorded before");
            }
        }, () -> LOG.warning(() -> "PaymentRefunded for an unknown order " + orderId));
    }

    @Transactional
    public Order markDelivered(UUID id, String staffMember) {
        Order order = orders.lock(id).orElseThrow(() -> OrderException.notFound("no order " + id));
        try {
            order.markDelivered(staffMember, clock.instant());
        } catch (IllegalTransitionException e) {
            throw new OrderException(409, "illegal-transition", e.getMessage());
        }
        return order;
    }

    /** The warehouse took the order (ShipmentCreated); news about an order that moved on changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fulfillmentStarted(UUID id) {
        orders.lock(id).ifPresentOrElse(order -> {
            if (order.status() == OrderStatus.PAID) {
                order.fulfillmentStarted(clock.instant());
            } else {
                LOG.info(() -> "ShipmentCreated for order " + id + " in " + order.status() + ": nothing to change");
            }
        }, () -> LOG.warning(() -> "ShipmentCreated for an unknown order " + id));
    }

    /** The parcel left (ShipmentDispatched): the order is SHIPPED with its tracking number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shipped(UUID id, String trackingNumber) {
        orders.lock(id).ifPresentOrElse(order -> {
            if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.FULFILLING) {
                order.shipped(trackingNumber, clock.instant());
                LOG.info(() -> "Order " + id + " shipped, tracking " + trackingNumber);
            } else {
                LOG.warning(() -> "ShipmentDispatched for order " + id + " in " + order.status()
                        + ": left as it is, staff should look at it");
            }
        }, () -> LOG.warning(() -> "ShipmentDispatched for an unknown order " + id));
    }

    /**
     * Failed orders whose payment call went unanswered, and orders stuck in PENDING (a crash mid-way): their stock
     * is released and, if payments did charge after all, the charge is refunded. Several instances may run it.
     *
     * @return how many orders were settled
     */
    public int settleUnansweredPayments(Duration checkAfter, int max) {
        int settled = 0;
        // placing an order takes seconds at most (every call has a timeout): one PENDING for 5 minutes was cut off
        var now = clock.instant();
        for (UUID id : orders.paymentChecksDue(now.minus(checkAfter), now.minus(PLACING_CUT_OFF), max)) {
            try {
                stock.release(id);
                var captured = payments.capturedPaymentFor(id);
                if (captured.isPresent()) {
                    payments.refundAll(captured.get(), "order " + id + " failed: payment answered too late");
                    LOG.warning(() -> "Order " + id + " failed but payment " + captured.get()
                            + " was captured late: refunded");
                }
                store.settle(id);
                settled++;
            } catch (DependencyUnavailableException | OrderException e) {
                LOG.info(() -> "Order " + id + ": payment check postponed (" + e.getMessage() + ")");
            }
        }
        return settled;
    }
}
