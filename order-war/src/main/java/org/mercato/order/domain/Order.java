package org.mercato.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order aggregate: what was bought at which prices, its totals, and its state machine. Every transition goes
 * through {@link #moveTo}, which refuses illegal ones and records each with its time and actor; use cases call the
 * named steps ({@link #markPaid}, {@link #cancel}, ...), never set a status.
 */
public final class Order {

    private final String id;
    private final String customer;
    private final List<OrderLine> lines;
    private final Totals totals;
    private final String shipToCountry;
    private final List<Transition> history = new ArrayList<>();
    private OrderStatus status = OrderStatus.PENDING;
    private String paymentId;
    private String trackingNumber;
    private String failureReason;

    public Order(String id, String customer, List<OrderLine> lines, OrderPricing pricing, String shipToCountry,
            Instant now) {
        this.id = id;
        this.customer = customer;
        this.lines = List.copyOf(lines);
        this.totals = pricing.price(this.lines, shipToCountry);
        this.shipToCountry = shipToCountry;
        history.add(new Transition(null, OrderStatus.PENDING, now, customer, "placed"));
    }

    private void moveTo(OrderStatus target, Instant at, String actor, String note) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id, status, target);
        }
        history.add(new Transition(status, target, at, actor, note));
        status = target;
    }

    public void markPaid(String payment, Instant at) {
        moveTo(OrderStatus.PAID, at, "payments", "payment " + payment);
        this.paymentId = payment;
    }

    public void markFailed(String reason, Instant at) {
        moveTo(OrderStatus.FAILED, at, "orders", reason);
        this.failureReason = reason;
    }

    public void fulfillmentStarted(Instant at) {
        moveTo(OrderStatus.FULFILLING, at, "fulfillment", null);
    }

    public void shipped(String tracking, Instant at) {
        moveTo(OrderStatus.SHIPPED, at, "fulfillment", "tracking " + tracking);
        this.trackingNumber = tracking;
    }

    public void markDelivered(String staffMember, Instant at) {
        moveTo(OrderStatus.DELIVERED, at, staffMember, null);
    }

    /** Stopped before it ships; if it was paid, the money must go back ({@link #needsRefund()}). */
    public void cancel(String actor, String reason, Instant at) {
        moveTo(OrderStatus.CANCELLED, at, actor, reason);
    }

    public void refunded(String actor, Instant at) {
        moveTo(OrderStatus.REFUNDED, at, actor, null);
    }

    /** Cancelled after the money was taken. */
    public boolean needsRefund() {
        return status == OrderStatus.CANCELLED && paymentId != null;
    }

    public String id() {
        return id;
    }

    public String customer() {
        return customer;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Totals totals() {
        return totals;
    }

    public String shipToCountry() {
        return shipToCountry;
    }

    public OrderStatus status() {
        return status;
    }

    public String paymentId() {
        return paymentId;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String failureReason() {
        return failureReason;
    }

    public List<Transition> history() {
        return Collections.unmodifiableList(history);
    }
}
