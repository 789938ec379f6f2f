package org.mercato.order.interfaces;

import org.mercato.platform.json.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** JSON bodies of the orders API (classes with public fields, as Payara's OpenAPI reader needs). */
public final class OrderRequests {

    private OrderRequests() {
    }

    public static final class Address {
        public String name;
        public String line1;
        public String line2;
        public String city;
        public String postalCode;
        /** ISO 3166 alpha-2 */
        public String country;
    }

    public static final class Payment {
        /** "card" */
        public String method;
        /** the payment provider's card token (e.g. tok_visa); never a card number */
        public String token;
    }

    public static final class PlaceOrder {
        @NotNull
        public String cartId;

        @NotNull
        @Valid
        public Address shippingAddress;

        @NotNull
        @Valid
        public Payment payment;
    }

    /** What a quote is asked for: a cart of the caller's, priced for a destination country. */
    public static final class Quote {
        @NotNull
        public String cartId;

        /** ISO 3166 alpha-2, the shipping address's country */
        @NotNull
        public String country;
    }

    public static final class Cancel {
        @MultiLine
        public String reason;
    }
}
