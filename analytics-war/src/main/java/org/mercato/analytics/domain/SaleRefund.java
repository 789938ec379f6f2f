package org.mercato.analytics.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.mercato.platform.money.Money;

/**
 * Money given back for an order, recorded once by its refund id. Until its order is known here it waits
 * (appliedAt null) and is added to the sale when the order arrives, since payments and orders publish through
 * separate outboxes and a refund can overtake its order.
 */
@Entity
@Table(name = "sale_refund")
public class SaleRefund {

    @Id
    @Column(name = "refund_id", length = 64)
    private String refundId;

    @Column(name = "order_id", nullable = false, length = 64)
    private String orderId;

    @Column(name = "payment_id", length = 64)
    private String paymentId;

    @Column(nullable = false)
    private long amount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "applied_at")
    private Instant appliedAt;

    protected SaleRefund() {
        // for JPA
    }

    public SaleRefund(String refundId, String orderId, String paymentId, Money amount, Instant occurredAt,
            Instant now) {
        if (refundId == null || refundId.isBlank() || refundId.length() > 64) {
            throw new SalesFactRefusedException("refundId must have 1 to 64 characters");
        }
        if (orderId == null || orderId.isBlank() || orderId.length() > 64) {
            throw new SalesFactRefusedException("orderId must have 1 to 64 characters");
        }
        if (paymentId != null && paymentId.length() > 64) {
            throw new SalesFactRefusedException("paymentId must have at most 64 characters");
        }
        if (amount.amount() <= 0) {
            throw new SalesFactRefusedException("refund " + refundId + ": amount must be positive");
        }
        this.refundId = refundId;
        this.orderId = orderId;
        this.paymentId = paymentId;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.occurredAt = occurredAt;
        this.recordedAt = now;
    }

    void applied(Instant at) {
        appliedAt = at;
    }

    public String refundId() {
        return refundId;
    }

    public String orderId() {
        return orderId;
    }

    public String paymentId() {
        return paymentId;
    }

    public Money amount() {
        return new Money(amount, currency);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** @return when it was added to its sale, or null while its order is not known */
    public Instant appliedAt() {
        return appliedAt;
    }
}
