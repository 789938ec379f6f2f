package org.mercato.messaging.events;

import org.mercato.messaging.Topics;

/**
 * {@code PaymentRefunded} v1 on {@code mercato.orders}: staff refunded all or part of a captured payment.
 * {@code amount} is this refund; {@code remaining} what can still be refunded, in minor units of the same
 * currency; {@code status} the payment's status after it ({@code PARTIALLY_REFUNDED} or {@code REFUNDED});
 * {@code reason} is {@code ""} when none was given.
 */
public record PaymentRefunded(String paymentId, String orderId, String refundId, MonetaryAmount amount,
        Long remaining, String status, @Nullable String reason) {

    /** The {@code eventType} header, constant for message selectors. */
    public static final String TYPE = "PaymentRefunded";
    public static final EventContract<PaymentRefunded> CONTRACT = new EventContract<>(TYPE, 1,
            Topics.ORDERS, PaymentRefunded.class);

    public PaymentRefunded {
        Required.text(paymentId, "paymentId");
        Required.text(orderId, "orderId");
        Required.text(refundId, "refundId");
        Required.present(amount, "amount");
        Required.present(remaining, "remaining");
        Required.text(status, "status");
        reason = reason == null ? "" : reason;
    }
}
