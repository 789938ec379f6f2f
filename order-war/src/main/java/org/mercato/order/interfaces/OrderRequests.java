package org.mercato.order.interfaces;

import org.mercato.platform.json.MultiLine;
import org.mercato.platform.json.Visible;
import org.mercato.platform.money.CardTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * JSON bodies of the orders API (classes with public fields, as Payara's OpenAPI reader needs). The limits are the
 * ones {@code OrderService} enforces (and the columns hold), stated here so the generated schema says them.
 */
public final class OrderRequests {

    private OrderRequests() {
    }

    /**
     * Where the parcel goes. Required texts must show something: only whitespace or invisible characters (a
     * zero-width space) is refused as blank, by the address book's rule ({@link Visible}); an invisible
     * {@code line2} is dropped.
     */
    public static final class Address {
        @NotBlank
        @Visible
        @Size(max = 200)
        public String name;

        @NotBlank
        @Visible
        @Size(max = 200)
        public String line1;

        @Size(max = 200)
        public String line2;

        @NotBlank
        @Visible
        @Size(max = 100)
        public String city;

        @NotBlank
        @Visible
        @Size(max = 20)
        public String postalCode;

        /** ISO 3166 alpha-2, upper case (DE) */
        @NotNull
        @Size(min = 2, max = 2)
        @Pattern(regexp = "[A-Z]{2}")
        public String country;
    }

    public static final class Payment {
        /** "card" */
        @NotNull
        @Pattern(regexp = "card")
        public String method;

        /** the payment provider's card token (e.g. tok_visa); never a card number */
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = CardTokens.SHAPE, message = "must be the payment provider's card token: letters, digits,"
                + " underscores or hyphens (e.g. tok_visa)")
        public String token;
    }

    public static final class PlaceOrder {
        @NotNull
        @Size(min = 1, max = 64)
        @Pattern(regexp = "[A-Za-z0-9-]{1,64}")
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
        @Size(min = 1, max = 64)
        @Pattern(regexp = "[A-Za-z0-9-]{1,64}")
        public String cartId;

        /** ISO 3166 alpha-2, the shipping address's country */
        @NotNull
        @Size(min = 2, max = 2)
        @Pattern(regexp = "[A-Z]{2}")
        public String country;
    }

    public static final class Cancel {
        /** Why staff cancel; "cancelled by staff" when absent */
        @MultiLine
        @Size(max = 300)
        public String reason;
    }
}
