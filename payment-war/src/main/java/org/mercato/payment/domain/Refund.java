package org.mercato.payment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Money given back from a captured payment, as the provider confirmed it. */
@Embeddable
public class Refund {

    @Column(name = "refund_id", nullable = false)
    private UUID id;

    @Column(nullable = false)
    private long amount;

    @Column(length = 300)
    private String reason;

    @Column(name = "provider_reference", length = 100)
    private String providerReference;

    @Column(name = "refunded_by", length = 200)
    private String refundedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Refund() {
        // for JPA
    }

    Refund(UUID id, long amount, String reason, String providerReference, String refundedBy, Instant createdAt) {
        this.id = id;
        this.amount = amount;
        this.reason = reason;
        this.providerReference = providerReference;
        this.refundedBy = refundedBy;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public long amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }

    public String providerReference() {
        return providerReference;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
