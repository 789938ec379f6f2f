package org.mercato.order.domain;

import java.util.Objects;

import org.mercato.platform.money.Money;

/**
 * Money of an order's payment given back by payments: one refund, known by payments' refund id (so the same refund
 * learnt twice, from the cancel's answer and from its PaymentRefunded, counts once).
 *
 * @param refundId payments' id of the refund (at most 64 characters)
 * @param amount what this refund gave back, positive, in minor units of the order's currency
 * @param reason why, as staff gave it to payments; null when none was given
 */
public record OrderRefund(String refundId, Money amount, String reason) {

    /** @throws IllegalArgumentException without an id, or with an amount that is not positive */
    public OrderRefund {
        Objects.requireNonNull(amount, "amount");
        if (refundId == null || refundId.isBlank() || refundId.length() > 64) {
            throw new IllegalArgumentException("a refund has an id of 1 to 64 characters");
        }
        if (amount.amount() <= 0) {
            throw new IllegalArgumentException("a refund gives back a positive amount, not " + amount);
        }
        reason = reason == null || reason.isBlank() ? null : reason;
    }
}
