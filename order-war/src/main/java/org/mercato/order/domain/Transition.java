package org.mercato.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of an order's history: from where to where, when, by whom (a customer, staff member or service). */
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
}
