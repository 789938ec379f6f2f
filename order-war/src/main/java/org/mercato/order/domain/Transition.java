package org.mercato.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.mercato.platform.money.Money;

/**
 * One step of an order's history: from where to where, when, by whom (a customer, staff member or service). A
 * refund is a step too, carrying the refund ({@link #refund()}): it moves the order to REFUNDED when it gives the
 * last of the money back, else it leaves the status as it was ({@code from == to}). Its note is the refund's reason.
 */
@Embeddable
public class Transition {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    private OrderStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    private OrderStatus to;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(length = 500)
    private String note;

    /** payments' id of the refund this step records; null on steps that are not refunds */
    @Column(name = "refund_id", length = 64)
    private String refundId;

    /** minor units given back by that refund */
    @Column(name = "refund_amount")
    private Long refundAmount;

    @Column(name = "refund_currency", length = 3)
    private String refundCurrency;

    protected Transition() {
        // for JPA
    }

    public Transition(OrderStatus from, OrderStatus to, Instant at, String actor, String note) {
        this.from = from;
        this.to = to;
        this.at = at;
        this.actor = actor;
        this.note = note;
    }

    /** A refund recorded as a step: its reason is the note. */
    public Transition(OrderStatus from, OrderStatus to, Instant at, String actor, OrderRefund refund) {
        this(from, to, at, actor, refund.reason());
        this.refundId = refund.refundId();
        this.refundAmount = refund.amount().amount();
        this.refundCurrency = refund.amount().currency();
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String note() {
        return note;
    }

    /** The refund this step records, or null when it is not a refund. */
    public OrderRefund refund() {
        return refundId == null ? null : new OrderRefund(refundId, new Money(refundAmount, refundCurrency), note);
    }
}
