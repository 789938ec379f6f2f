package org.mercato.cart.domain;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where carts live (the data grid). Changes are compare-and-set, so two tabs adding at once lose nothing. */
public interface CartRepository {

    Optional<Cart> find(String cartId);

    /** Stores a new cart. */
    void create(Cart cart);

    /** Applies the change to the current cart atomically (retrying on a concurrent change); returns the result. */
    Cart update(String cartId, UnaryOperator<Cart> change);

    void delete(String cartId);

    /** The id of the customer's cart, if they have one. */
    Optional<String> customerCartId(String customer);

    /** Ties a new cart to the customer unless they already have one; returns the cart id that won. */
    String claimCustomerCart(String customer, String cartId);
}
