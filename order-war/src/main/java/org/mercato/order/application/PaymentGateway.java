package org.mercato.order.application;

import java.util.Optional;
import java.util.UUID;

import org.mercato.order.domain.OrderRefund;
import org.mercato.platform.money.Money;

/** The payment-war side: charge an order once (its id is the idempotency key), refund, look a charge up. */
public interface PaymentGateway {

    /**
     * @param declineReason the issuer's reason when declined, else null
     * @param authenticationRequired the issuer wants the shopper to authenticate first (3-D Secure, Stripe's
     *            {@code requires_action}): nothing was charged; not a decline
     */
    record Charge(String paymentId, String declineReason, boolean authenticationRequired) {

        /** An approved charge ({@code declineReason} null) or a decline. */
        public Charge(String paymentId, String declineReason) {
            this(paymentId, declineReason, false);
        }

        public static Charge needsAuthentication() {
            return new Charge(null, "authentication_required", true);
        }

        public boolean approved() {
            return declineReason == null && !authenticationRequired;
        }
    }

    /** @throws DependencyUnavailableException when payments does not answer in time: it may or may not have charged */
    Charge charge(UUID orderId, Money amount, String cardToken);

    /**
     * What payments answered to "refund what is left".
     *
     * @param refund the refund that gave it back (also when payments replays an earlier attempt's refund under the
     *            same key), or null when payments found nothing left and the refund that did it is not known here
     * @param nothingLeft the payment is now fully refunded
     */
    record Refunded(OrderRefund refund, boolean nothingLeft) {
    }

    /**
     * Refunds what is left of a payment (the same reason is the same refund: asking again refunds nothing more).
     *
     * @throws DependencyUnavailableException when payments does not answer; the refund is still owed
     */
    Refunded refundAll(String paymentId, String reason);

    /** The captured (refundable) payment of an order, if payments has one. */
    Optional<String> capturedPaymentFor(UUID orderId);
}
