package org.mercato.payment.application;

import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.Refund;

/** Port: what other services learn about payments (PaymentRefunded), saved with the change (the outbox). */
public interface PaymentEvents {

    void refunded(Payment payment, Refund refund);
}
