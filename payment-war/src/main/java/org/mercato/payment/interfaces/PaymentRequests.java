package org.mercato.payment.interfaces;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.mercato.platform.json.MultiLine;
import org.mercato.platform.money.CardTokens;

/**
 * JSON bodies of the payments API (classes with public fields, as Payara's OpenAPI reader needs). The limits are the
 * ones {@code PaymentService} enforces, stated here so the generated schema says them.
 */
public final class PaymentRequests {

    private PaymentRequests() {
    }

    public static final class MoneyBody {
        /** Minor units, 1 to 100,000,000 (the largest charge). */
        @NotNull
        @Positive
        @Max(100_000_000L)
        public Long amount;

        /** ISO 4217, upper case: the shop's currency. */
        @NotNull
        @Size(min = 3, max = 3)
        @Pattern(regexp = "[A-Z]{3}")
        public String currency;
    }

    public static final class ChargeRequest {
        @NotNull
        @Size(min = 1, max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
        public String orderId;

        @NotNull
        @Valid
        public MoneyBody amount;

        /** The provider's card token (e.g. tok_visa); never a card number. */
        @NotNull
        @Size(min = 1, max = 200)
        @Pattern(regexp = CardTokens.SHAPE)
        public String token;
    }

    public static final class RefundRequest {
        /** The payment's id (a UUID). */
        @NotBlank
        @Size(max = 36)
        public String paymentId;

        /** Minor units; the whole remaining amount when absent. */
        @Positive
        @Max(100_000_000L)
        public Long amount;

        /** Why (staff text, may have several lines, as an order's cancellation reason has). */
        @MultiLine
        @Size(max = 300)
        public String reason;
    }
}
