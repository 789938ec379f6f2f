package org.mercato.order.application;

import java.util.List;

/** The cart-war side: what is in the cart the order is placed from. */
public interface ShopperCart {

    record Item(String sku, int quantity) {
    }

    /** A cart's saved lines and the version of its contents (every change to the cart makes a new version). */
    record Contents(long version, List<Item> items) {
    }

    /**
     * @param authorization the shopper's own Authorization header, so cart-war checks the cart is theirs
     * @throws OrderException 404 when there is no such cart (or it is someone else's)
     * @throws DependencyUnavailableException when cart-war does not answer
     */
    Contents items(String cartId, String authorization);
}
