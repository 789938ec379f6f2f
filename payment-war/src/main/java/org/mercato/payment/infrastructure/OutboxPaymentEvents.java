package org.mercato.payment.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.messaging.outbox.Outbox;
import org.mercato.payment.application.PaymentEvents;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.Refund;

/** PaymentRefunded on mercato.orders, saved in the refund's transaction (the outbox). */
@ApplicationScoped
public class OutboxPaymentEvents implements PaymentEvents {

    @Inject
    Outbox outbox;

    @Override
    public void refunded(Payment payment, Refund refund) {
        outbox.add(PaymentRefunded.CONTRACT, paymentRefunded(payment, refund));
    }

    /** The PaymentRefunded body of a refund that succeeded; its amount is in the payment's currency. */
    static PaymentRefunded paymentRefunded(Payment payment, Refund refund) {
        return new PaymentRefunded(payment.id().toString(), payment.orderId(), refund.id().toString(),
                new MonetaryAmount(refund.amount(), payment.amount().currency()), payment.refundable(), payment
                        .status().name(),
                refund.reason());
    }
}
