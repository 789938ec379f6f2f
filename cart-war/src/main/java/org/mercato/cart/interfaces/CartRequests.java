package org.mercato.cart.interfaces;

import jakarta.validation.constraints.NotNull;

/** JSON bodies of the cart API (classes with public fields, as Payara's OpenAPI reader needs). */
public final class CartRequests {

    private CartRequests() {
    }

    public static final class AddItem {
        @NotNull
        public String sku;

        @NotNull
        public Integer quantity;
    }

    public static final class ChangeQuantity {
        @NotNull
        public Integer quantity;
    }

    public static final class Merge {
        @NotNull
        public String guestCartId;
    }
}
