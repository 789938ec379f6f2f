package org.mercato.payment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mercato.payment.domain.PaymentException.Reason;
import org.mercato.platform.money.Money;

/**
 * Money asked back from a captured payment under the caller's Idempotency-Key. Recorded PENDING with its amount
 * reserved on the payment before the provider is asked; then SUCCEEDED, or FAILED with the amount given back. What
 * a replay answers (remaining amount, payment status) is kept with it, so the same key answers the same body. A
 * request refused by the payment's rules (more than is left, no such payment) is recorded REFUSED with the refusal,
 * so its key answers that refusal again; it moved nothing.
 */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    @Column(name = "refund_id")
    private UUID id;

    /**
     * The payment's id as text; null only for a refusal of a payment that does not exist. Text, not UUID, because
     * EclipseLink 4.0's UUID conversion cannot read a NULL uuid (the column is a uuid all the same).
     */
    @Column(name = "payment_id")
    private String paymentId;

    @Column(nullable = false, length = 200)
    private String caller;

    @Column(name = "idempotency_key", nullable = false, length = 100)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    /** Minor units. */
    @Column(nullable = false)
    private long amount;

    /** Null only for a refusal of a payment that does not exist. */
    @Column(length = 3)
    private String currency;

    @Column(length = 300)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RefundStatus status;

    @Column(name = "provider_reference", length = 100)
    private String providerReference;

    @Column(name = "failure_reason", length = 200)
    private String failureReason;

    /** A REFUSED refund's {@link Reason}, by name. */
    @Column(name = "refusal_reason", length = 40)
    private String refusalReason;

    /** A REFUSED refund's message, answered again on every replay. */
    @Column(name = "refusal_detail", length = 1000)
    private String refusalDetail;

    @Column(name = "refunded_by", length = 254)
    private String refundedBy;

    /** Minor units left to refund on the payment right after this refund succeeded. */
    @Column(name = "remaining_after")
    private Long remainingAfter;

    @Column(name = "payment_status_after", length = 30)
    private String paymentStatusAfter;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Refund() {
        // for JPA
    }

    private Refund(Payment payment, String caller, String key, String requestHash, long amount, String reason,
            String by, Instant now) {
        this.id = UUID.randomUUID();
        this.paymentId = payment.id().toString();
        this.caller = caller;
        this.idempotencyKey = key;
        this.requestHash = requestHash;
        this.amount = amount;
        this.currency = payment.amount().currency();
        this.reason = reason;
        this.refundedBy = by;
        this.status = RefundStatus.PENDING;
        this.attempts = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Reserves {@code amount} minor units on the payment (which the caller holds locked) and records the refund as
     * PENDING.
     */
    public static Refund reserve(Payment payment, String caller, String key, String requestHash, long amount,
            String reason, String by, Instant now) {
        payment.reserveRefund(amount, now);
        return new Refund(payment, caller, key, requestHash, amount, reason, by, now);
    }

    /**
     * A refund request the payment's rules refused ({@code refusal}), kept under its key so that the same key
     * answers the same refusal again; nothing is reserved or refunded.
     *
     * @param payment the payment asked for, or null when there is none (the refusal then names no payment: there is
     *        none to refer to)
     * @param amount the minor units asked for, or null for "all that is left"
     */
    public static Refund refused(Payment payment, String caller, String key, String requestHash,
            Long amount, String reason, String by, PaymentException refusal, Instant now) {
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.paymentId = payment == null ? null : payment.id().toString();
        refund.caller = caller;
        refund.idempotencyKey = key;
        refund.requestHash = requestHash;
        refund.amount = amount == null ? 0 : amount;
        refund.currency = payment == null ? null : payment.amount().currency();
        refund.reason = reason;
        refund.refundedBy = by;
        refund.status = RefundStatus.REFUSED;
        refund.refusalReason = refusal.reason().name();
        String detail = refusal.getMessage();
        refund.refusalDetail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        refund.attempts = 1;
        refund.createdAt = now;
        refund.updatedAt = now;
        return refund;
    }

    /** A failed refund asked again under its key: its amount is reserved again on the (locked) payment. */
    public void retry(Payment payment, Instant now) {
        require(RefundStatus.FAILED);
        payment.reserveRefund(amount, now);
        status = RefundStatus.PENDING;
        failureReason = null;
        attempts++;
        updatedAt = now;
    }

    /** The provider gave the money back. */
    public void succeeded(Payment payment, String reference, Instant now) {
        require(RefundStatus.PENDING);
        payment.refundSucceeded(amount, now);
        status = RefundStatus.SUCCEEDED;
        providerReference = reference;
        remainingAfter = payment.refundable();
        paymentStatusAfter = payment.status().name();
        updatedAt = now;
    }

    /** The provider did not give the money back: the reserved amount returns to the payment. */
    public void failed(Payment payment, String why, Instant now) {
        require(RefundStatus.PENDING);
        payment.refundFailed(amount, now);
        status = RefundStatus.FAILED;
        failureReason = why;
        updatedAt = now;
    }

    private void require(RefundStatus expected) {
        if (status != expected) {
            throw new PaymentException(Reason.PAYMENT_STATE, "refund " + id + " is " + status + ", not " + expected);
        }
    }

    /** The refusal a REFUSED refund was answered with, to answer it again (the same reason and message). */
    public PaymentException refusal() {
        require(RefundStatus.REFUSED);
        return new PaymentException(Reason.valueOf(refusalReason), refusalDetail);
    }

    /** The provider's idempotency key: the same on every attempt, so a retry never refunds twice. */
    public String providerKey() {
        return "mercato-refund-" + id;
    }

    public boolean sameRequest(String hash) {
        return requestHash.equals(hash);
    }

    public UUID id() {
        return id;
    }

    /** The payment's id; null only for a REFUSED refund of a payment that does not exist. */
    public UUID paymentId() {
        return paymentId == null ? null : UUID.fromString(paymentId);
    }

    public String caller() {
        return caller;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestHash() {
        return requestHash;
    }

    /** Minor units. */
    public long amount() {
        return amount;
    }

    /** What this refund gives back; not for a REFUSED one of a payment that does not exist. */
    public Money money() {
        return new Money(amount, currency);
    }

    /** ISO 4217 code, the payment's; null only for a refusal of a payment that does not exist. */
    public String currency() {
        return currency;
    }

    public String reason() {
        return reason;
    }

    public RefundStatus status() {
        return status;
    }

    public String providerReference() {
        return providerReference;
    }

    public String failureReason() {
        return failureReason;
    }

    public String refundedBy() {
        return refundedBy;
    }

    public Long remainingAfter() {
        return remainingAfter;
    }

    public String paymentStatusAfter() {
        return paymentStatusAfter;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
