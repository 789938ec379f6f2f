package org.mercato.messaging.events;

/** The account that placed an order: {@code id} is the token's subject; email and name may be null. */
public record OrderCustomer(String id, @Nullable String email, @Nullable String name) {

    public OrderCustomer {
        Required.text(id, "customer.id");
    }
}
