package org.mercato.payment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mercato.platform.money.Money;

/**
 * A charge for one order: authorized, then captured, then perhaps refunded in parts. It holds what the provider
 * said (its reference, a decline's reason), never a card number: the shopper's card reaches Mercato only as a
 * provider token, which is not stored either.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false, length = 64)
    private String orderId;

    /** The caller's key for this charge: the same key never charges twice. */
    @Column(name = "idempotency_key", nullable = false, unique = true, length = 100)
    private String idempotencyKey;

    /** A fingerprint of what was asked under the key (order, amount, currency), to refuse a different request. */
    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(nullable = false)
    private long amount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PaymentStatus status;

    @Column(nullable = false, length = 20)
    private String provider;

    @Column(name = "provider_reference", length = 100)
    private String providerReference;

    @Column(name = "decline_reason", length = 200)
    private String declineReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "refund", joinColumns = @JoinColumn(name = "payment_id"))
    @OrderBy("createdAt")
    private List<Refund> refunds = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Payment() {
        // for JPA
    }

    private Payment(String orderId, String idempotencyKey, String requestHash, Money amount, String provider,
            Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.provider = provider;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static Payment authorized(String orderId, String key, String requestHash, Money amount, String provider,
            String providerReference, Instant now) {
        Payment payment = new Payment(orderId, key, requestHash, amount, provider, now);
        payment.status = PaymentStatus.AUTHORIZED;
        payment.providerReference = providerReference;
        return payment;
    }

    public static Payment declined(String orderId, String key, String requestHash, Money amount, String provider,
            String reason, Instant now) {
        Payment payment = new Payment(orderId, key, requestHash, amount, provider, now);
        payment.status = PaymentStatus.DECLINED;
        payment.declineReason = reason;
        return payment;
    }

    public void captured(Instant now) {
        if (status != PaymentStatus.AUTHORIZED) {
            throw new PaymentException(409, "payment-state", "payment " + id + " is " + status
                    + ", not authorized");
        }
        status = PaymentStatus.CAPTURED;
        updatedAt = now;
    }

    /** What can still be given back. */
    public long refundable() {
        if (status != PaymentStatus.CAPTURED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            return 0;
        }
        return amount - refunds.stream().mapToLong(Refund::amount).sum();
    }

    /** Checks a refund before asking the provider for it. */
    public void requireRefundable(long refundAmount) {
        if (refundAmount <= 0) {
            throw PaymentException.invalid("a refund is a positive amount in minor units");
        }
        if (refundAmount > refundable()) {
            throw new PaymentException(409, "refund-exceeds-payment", "only " + refundable() + " " + currency
                    + " of payment " + id + " can be refunded");
        }
    }

    public Refund refunded(long refundAmount, String reason, String providerReference, String by, Instant now) {
        requireRefundable(refundAmount);
        Refund refund = new Refund(UUID.randomUUID(), refundAmount, reason, providerReference, by, now);
        refunds.add(refund);
        status = refundable() == 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        updatedAt = now;
        return refund;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestHash() {
        return requestHash;
    }

    public boolean sameRequest(String hash) {
        return requestHash.equals(hash);
    }

    public UUID id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public Money amount() {
        return new Money(amount, currency);
    }

    public PaymentStatus status() {
        return status;
    }

    public String provider() {
        return provider;
    }

    public String providerReference() {
        return providerReference;
    }

    public String declineReason() {
        return declineReason;
    }

    public List<Refund> refunds() {
        return Collections.unmodifiableList(refunds);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
