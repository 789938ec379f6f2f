package org.mercato.order.application;

import java.util.Optional;
import java.util.UUID;

import org.mercato.platform.money.Money;

/** The payment-war side: charge an order once (its id is the idempotency key), refund, look a charge up. */
public interface PaymentGateway {

    /** @param declineReason the issuer's reason when declined, else null */
    record Charge(String paymentId, String declineReason) {
        public boolean approved() {
            return declineReason == null;
        }
    }

    /** @throws DependencyUnavailableException when payments does not answer in time: it may or may not have charged */
    Charge charge(UUID orderId, Money amount, String cardToken);

    /** Refunds what is left of a payment; true if it is now fully refunded (also when nothing was left). */
    boolean refundAll(String paymentId, String reason);

    /** The captured (refundable) payment of an order, if payments has one. */
    Optional<String> capturedPaymentFor(UUID orderId);
}
