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
import org.mercato.platform.money.MoneyText;

/**
 * A charge for one order. Its intent is recorded (AUTHORIZING) before the provider is asked, and each answer in a
 * transaction of its own, so no transaction waits on the provider and a crash leaves a row that can be settled.
 * It holds what the provider said (its reference, a decline's reason), never a card number. Refunds reserve their
 * amount here first ({@link #reserveRefund}), so concurrent refunds never give back more than was captured.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    private UUID id;

    /** Who asked for the charge (the JWT subject): idempotency keys are the caller's own. */
    @Column(nullable = false, length = 200)
    private String caller;

    @Column(name = "order_id", nullable = false, length = 64)
    private String orderId;

    /** The caller's key for this charge: the same key never charges twice. */
    @Column(name = "idempotency_key", nullable = false, length = 100)
    private String idempotencyKey;

    /** A fingerprint of what was asked under the key (order, amount, currency), to refuse a different request. */
    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    /** Minor units. */
    @Column(nullable = false)
    private long amount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private PaymentStatus status;

    @Column(nullable = false, length = 20)
    private String provider;

    @Column(name = "provider_reference", length = 100)
    private String providerReference;

    /** The issuer's reason for a decline, or why the payment failed or was voided. */
    @Column(name = "decline_reason", length = 200)
    private String declineReason;

    /** Minor units given back by succeeded refunds. */
    @Column(nullable = false)
    private long refunded;

    /** Minor units held for refunds the provider is being asked for. */
    @Column(name = "refund_reserved", nullable = false)
    private long refundReserved;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Payment() {
        // for JPA
    }

    private Payment(String caller, String orderId, String idempotencyKey, String requestHash, Money amount,
            String provider, Instant now) {
        this.id = UUID.randomUUID();
        this.caller = caller;
        this.orderId = orderId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.provider = provider;
        this.status = PaymentStatus.AUTHORIZING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The intent to charge, recorded before the provider is asked. */
    public static Payment intent(String caller, String orderId, String key, String requestHash, Money amount,
            String provider, Instant now) {
        return new Payment(caller, orderId, key, requestHash, amount, provider, now);
    }

    /** The provider holds the money; {@code reference} is its id for the authorization. */
    public void authorized(String reference, Instant now) {
        require(PaymentStatus.AUTHORIZING);
        status = PaymentStatus.AUTHORIZED;
        providerReference = reference;
        updatedAt = now;
    }

    public void declined(String reason, Instant now) {
        require(PaymentStatus.AUTHORIZING);
        status = PaymentStatus.DECLINED;
        declineReason = reason;
        updatedAt = now;
    }

    /** The issuer asks the shopper to authenticate (3-D Secure); nothing was taken. */
    public void authenticationRequired(String reference, Instant now) {
        require(PaymentStatus.AUTHORIZING);
        status = PaymentStatus.AUTHENTICATION_REQUIRED;
        providerReference = reference;
        declineReason = "authentication_required";
        updatedAt = now;
    }

    /** Nothing was held (the provider failed or never answered); the same key may try again. */
    public void failed(String reason, Instant now) {
        require(PaymentStatus.AUTHORIZING);
        status = PaymentStatus.FAILED;
        declineReason = reason;
        updatedAt = now;
    }

    /** A failed payment asked again under its key: back to AUTHORIZING. */
    public void retry(Instant now) {
        require(PaymentStatus.FAILED);
        status = PaymentStatus.AUTHORIZING;
        declineReason = null;
        updatedAt = now;
    }

    public void captured(Instant now) {
        require(PaymentStatus.AUTHORIZED);
        status = PaymentStatus.CAPTURED;
        updatedAt = now;
    }

    /** The capture failed and the authorization was cancelled at the provider: nothing was taken. */
    public void voided(String reason, Instant now) {
        require(PaymentStatus.AUTHORIZED);
        status = PaymentStatus.VOIDED;
        declineReason = reason;
        updatedAt = now;
    }

    /** Minor units that can still be given back (captured, less refunded and reserved). */
    public long refundable() {
        if (status != PaymentStatus.CAPTURED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            return 0;
        }
        return amount - refunded - refundReserved;
    }

    /** Checks a refund of {@code refundAmount} minor units and holds it until the provider answers. */
    public void reserveRefund(long refundAmount, Instant now) {
        if (refundAmount <= 0) {
            throw PaymentException.invalid("a refund is a positive amount in minor units");
        }
        if (refundAmount > refundable()) {
            throw new PaymentException(Reason.REFUND_EXCEEDS_PAYMENT, "only " + MoneyText.of(refundable(), currency)
                    + " of payment " + id + " can be refunded" + (refundReserved > 0
                            ? " (" + MoneyText.of(refundReserved, currency) + " is being refunded right now)"
                            : ""));
        }
        refundReserved += refundAmount;
        updatedAt = now;
    }

    /** The provider gave back a reserved amount. */
    public void refundSucceeded(long refundAmount, Instant now) {
        releaseReservation(refundAmount);
        refunded += refundAmount;
        status = refunded == amount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        updatedAt = now;
    }

    /** The provider did not give back a reserved amount: it is refundable again. */
    public void refundFailed(long refundAmount, Instant now) {
        releaseReservation(refundAmount);
        updatedAt = now;
    }

    private void releaseReservation(long refundAmount) {
        if (refundAmount <= 0 || refundAmount > refundReserved) {
            throw new PaymentException(Reason.PAYMENT_STATE, "payment " + id + " holds no refund of "
                    + refundAmount);
        }
        refundReserved -= refundAmount;
    }

    private void require(PaymentStatus expected) {
        if (status != expected) {
            throw new PaymentException(Reason.PAYMENT_STATE, "payment " + id + " is " + status + ", not "
                    + expected);
        }
    }

    /** The provider's idempotency key for the authorization: the same on every attempt under this payment. */
    public String authorizationKey() {
        return "mercato-payment-" + id + "-authorize";
    }

    public String captureKey() {
        return "mercato-payment-" + id + "-capture";
    }

    public String voidKey() {
        return "mercato-payment-" + id + "-void";
    }

    public boolean sameRequest(String hash) {
        return requestHash.equals(hash);
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

    /** Minor units given back so far. */
    public long refunded() {
        return refunded;
    }

    /** Minor units held by refunds in progress. */
    public long refundReserved() {
        return refundReserved;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
