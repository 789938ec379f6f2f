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

    /**
     * Takes a guest cart out of the store and returns it, to exactly one caller however many ask at once (the
     * others, and anyone after, find nothing): whoever takes it is the one who may use its lines.
     */
    Optional<Cart> takeGuestCart(String cartId);

    /** Puts back a guest cart that was taken but could not be used, unless a cart with its id exists again. */
    void restore(Cart cart);

    /** The id of the customer's cart, if they have one. */
    Optional<String> customerCartId(String customer);

    /** Ties a new cart to the customer unless they already have one; returns the cart id that won. */
    String claimCustomerCart(String customer, String cartId);
}
