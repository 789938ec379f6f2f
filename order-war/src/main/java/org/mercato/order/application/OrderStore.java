package org.mercato.order.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.logging.Logger;

import org.mercato.order.domain.FailureKind;
import org.mercato.order.domain.IllegalTransitionException;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderRepository;
import org.mercato.platform.money.MoneyText;

/**
 * The short transactions of placing an order, each committed on its own: no database transaction stays open
 * while another service is called. The last one saves the paid order and its {@code OrderPlaced} together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OrderStore {

    private static final Logger LOG = Logger.getLogger(OrderStore.class.getName());
    /**
     * How long a cancel asking payments for a refund is taken to be still asking: longer than the refund call can
     * last (two tries of 6 s), so only a cancel cut off by a crash is overtaken.
     */
    static final Duration REFUND_PATIENCE = Duration.ofSeconds(30);

    @Inject
    OrderRepository orders;

    @Inject
    OrderEvents events;

    @Inject
    Clock clock;

    protected OrderStore() {
        // for CDI
    }

    public OrderStore(OrderRepository orders, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Fails (unique index) if this customer's key was taken by a concurrent request, or this version of the cart
     * is in an order that has not failed.
     */
    public void add(Order order) {
        orders.add(order);
    }

    /** Whether an order that has not failed was made from this version of the cart. */
    public boolean cartOrdered(String cartId, long cartVersion) {
        return orders.cartOrdered(cartId, cartVersion);
    }

    public Optional<Order> findByKey(String customerId, String key) {
        return orders.findByKey(customerId, key);
    }

    public Order failed(UUID orderId, FailureKind kind, String reason) {
        Order order = orders.lock(orderId).orElseThrow();
        order.markFailed(kind, reason, clock.instant());
        return order;
    }

    /** The order is paid: saved PAID with its OrderPlaced event, in one transaction. */
    public Order paid(UUID orderId, String paymentId) {
        Order order = orders.lock(orderId).orElseThrow();
        order.markPaid(paymentId, clock.instant());
        events.placed(order);
        return order;
    }

    /**
     * A cancel's decision, taken under the order row's lock so that of several cancels at once exactly one wins: a
     * paid or fulfilling order becomes CANCELLED with its {@code OrderCancelled} (once); a cancelled order whose
     * refund payments never answered is handed back to ask for the refund again, unless another cancel is asking
     * right now. Every other cancel is refused.
     *
     * @throws OrderException 404 for an unknown order, 409 {@code order-in-progress} while it is being placed, 409
     *             {@code illegal-transition} for an order that cannot be cancelled (again)
     */
    public Order cancelled(UUID id, String reason, String staffMember) {
        Order order = orders.lock(id).orElseThrow(() -> OrderException.notFound("no order " + id));
        if (order.status() == OrderStatus.PENDING) {
            throw new OrderException(409, "order-in-progress", "order " + id + " is still being placed");
        }
        try {
            if (order.status() == OrderStatus.CANCELLED) {
                order.retryRefund(clock.instant(), REFUND_PATIENCE);
                LOG.info(() -> "Order " + id + ": " + staffMember + " asks again for the refund it owes");
                return order;
            }
            order.cancel(staffMember, reason, clock.instant());
        } catch (IllegalTransitionException e) {
            throw new OrderException(409, "illegal-transition", e.getMessage());
        }
        events.cancelled(order, reason, staffMember, order.needsRefund());
        LOG.info(() -> "Order " + id + " cancelled by " + staffMember);
        return order;
    }

    /** The refund a cancel asked for got no answer: the next cancel may ask again without waiting. */
    public void refundNotAnswered(UUID id) {
        orders.lock(id).ifPresent(Order::refundNotAnswered);
    }

    /**
     * Payments answered the refund a cancel asked for: the refund is recorded in the order (once per refund id:
     * its PaymentRefunded, learnt before or after, adds nothing) and the order becomes REFUNDED.
     */
    public Order refunded(UUID id, PaymentGateway.Refunded answer, String staffMember) {
        Order order = orders.lock(id).orElseThrow();
        if (answer.refund() != null) {
            if (order.recordRefund(answer.refund(), answer.nothingLeft(), staffMember, clock.instant())) {
                LOG.info(() -> "Order " + id + " refunded " + MoneyText.of(answer.refund().amount()) + " (refund "
                        + answer.refund().refundId() + ")");
            }
        } else if (order.needsRefund()) {
            // the refund was made by an earlier attempt whose answer was lost: its PaymentRefunded records it
            order.refunded(staffMember, clock.instant());
            LOG.info(() -> "Order " + id + " refunded (by an earlier attempt)");
        }
        return order;
    }

    public void settle(UUID id) {
        Order order = orders.lock(id).orElseThrow();
        if (order.status() == OrderStatus.PENDING) {
            order.markFailed(FailureKind.PAYMENT_UNAVAILABLE, "not completed in time", clock.instant());
        }
        order.paymentChecked();
    }
}
