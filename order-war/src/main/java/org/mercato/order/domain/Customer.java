package org.mercato.order.domain;

/** Who placed the order, as their token says: the account id (subject), email and name. */
public record Customer(String id, String email, String name) {
}
