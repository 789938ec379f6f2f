package org.mercato.order.application;

import org.mercato.order.domain.ShippingAddress;

/** What the shopper asks for: the cart, where to ship, and how to pay (a provider's card token, never a card). */
public record PlaceOrder(String cartId, ShippingAddress shippingAddress, String paymentMethod, String cardToken) {
}
