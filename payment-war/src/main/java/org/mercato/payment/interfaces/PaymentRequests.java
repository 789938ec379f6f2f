package org.mercato.payment.interfaces;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** JSON bodies of the payments API (classes with public fields, as Payara's OpenAPI reader needs). */
public final class PaymentRequests {

    private PaymentRequests() {
    }

    public static final class MoneyBody {
        @NotNull
        public Long amount;

        @NotNull
        public String currency;
    }

    public static final class ChargeRequest {
        @NotNull
        public String orderId;

        @NotNull
        @Valid
        public MoneyBody amount;

        /** The provider's card token (e.g. tok_visa); never a card number. */
        @NotNull
        public String token;
    }

    public static final class RefundRequest {
        @NotNull
        public String paymentId;

        /** Minor units; the whole remaining amount when absent. */
        public Long amount;

        public String reason;
    }
}
