package org.mercato.order.domain;

import java.time.Instant;

/** One step of an order's history: from where to where, when, by whom (a customer, staff member or service). */
public record Transition(OrderStatus from, OrderStatus to, Instant at, String actor, String note) {
}
