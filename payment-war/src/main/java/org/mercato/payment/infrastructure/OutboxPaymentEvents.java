package org.mercato.payment.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.mercato.platform.money.MoneyJson;
import org.mercato.platform.money.Money;
import org.mercato.messaging.Topics;
import org.mercato.messaging.outbox.Outbox;
import org.mercato.payment.application.PaymentEvents;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.Refund;

/** PaymentRefunded on mercato.orders, saved in the refund's transaction (the outbox). */
@ApplicationScoped
public class OutboxPaymentEvents implements PaymentEvents {

    static final String REFUNDED = "PaymentRefunded";

    @Inject
    Outbox outbox;

    @Override
    public void refunded(Payment payment, Refund refund) {
        outbox.add(Topics.ORDERS, REFUNDED, 1, Json.createObjectBuilder()
                .add("paymentId", payment.id().toString()).add("orderId", payment.orderId())
                .add("refundId", refund.id().toString())
                .add("amount", MoneyJson.of(new Money(refund.amount(), payment.amount().currency())))
                .add("remaining", payment.refundable()).add("status", payment.status().name())
                .add("reason", refund.reason() == null ? "" : refund.reason()).build().toString());
    }
}
