package org.mercato.analytics.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * That an order was cancelled, recorded once per order even before the order is known here, so a cancellation
 * that overtakes its OrderPlaced still takes the sale out of the figures when the order arrives.
 */
@Entity
@Table(name = "sale_cancellation")
public class SaleCancellation {

    @Id
    @Column(name = "order_id", length = 64)
    private String orderId;

    @Column(name = "cancelled_at", nullable = false)
    private Instant cancelledAt;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    @Column
    private String reason;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected SaleCancellation() {
        // for JPA
    }

    public SaleCancellation(String orderId, Instant cancelledAt, String cancelledBy, String reason, Instant now) {
        if (orderId == null || orderId.isBlank() || orderId.length() > 64) {
            throw new SalesFactRefusedException("orderId must have 1 to 64 characters");
        }
        if (cancelledAt == null) {
            throw new SalesFactRefusedException("cancellation of " + orderId + " has no time");
        }
        this.orderId = orderId;
        this.cancelledAt = cancelledAt;
        this.cancelledBy = cancelledBy;
        this.reason = reason;
        this.recordedAt = now;
    }

    public String orderId() {
        return orderId;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelledBy() {
        return cancelledBy;
    }

    public String reason() {
        return reason;
    }
}
