package org.mercato.payment.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.platform.security.Digests;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentException;
import org.mercato.payment.domain.PaymentRepository;
import org.mercato.payment.domain.Refund;
import org.mercato.platform.money.Money;

/**
 * Charges and refunds. A charge is keyed by the caller's idempotency key: asked again with the same key and the
 * same request it returns the first result (never a second charge); with a different request it is refused (422).
 * Card tokens are handed to the provider and forgotten; nothing about the card is stored or logged.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class.getName());
    static final long MAX_AMOUNT = 100_000_000L;

    /** @param replay true when the key had been used for this request before (nothing new was charged) */
    public record Charge(Payment payment, boolean replay) {
    }

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentProvider provider;

    @Inject
    PaymentEvents events;

    @Inject
    Clock clock;

    protected PaymentService() {
        // for CDI
    }

    public PaymentService(PaymentRepository payments, PaymentProvider provider, PaymentEvents events, Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Charge charge(String idempotencyKey, String orderId, Money amount, String cardToken) {
        requireKey(idempotencyKey);
        if (orderId == null || !orderId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw PaymentException.invalid("orderId must be 1 to 64 letters, digits, dots, colons, hyphens or"
                    + " underscores");
        }
        if (amount == null || amount.amount() <= 0 || amount.amount() > MAX_AMOUNT) {
            throw PaymentException.invalid("amount must be between 1 and " + MAX_AMOUNT + " minor units");
        }
        if (cardToken == null || cardToken.isBlank() || cardToken.length() > 200) {
            throw PaymentException.invalid("a card token is required (the card itself never reaches Mercato)");
        }
        String hash = fingerprint(orderId, amount);
        var earlier = payments.findByKey(idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        PaymentProvider.Authorization answer = provider.authorize(idempotencyKey, amount, cardToken,
                "Mercato order " + orderId);
        Payment payment;
        if (answer.approved()) {
            payment = Payment.authorized(orderId, idempotencyKey, hash, amount, provider.name(), answer.reference(),
                    clock.instant());
            provider.capture(idempotencyKey + ":capture", answer.reference(), amount);
            payment.captured(clock.instant());
        } else {
            payment = Payment.declined(orderId, idempotencyKey, hash, amount, provider.name(), answer.declineReason(),
                    clock.instant());
        }
        if (!payments.add(payment)) {
            // a concurrent request with the same key won; the provider gave both the same answer
            return replay(payments.findByKey(idempotencyKey).orElseThrow(), hash);
        }
        LOG.info(() -> "Payment " + payment.id() + " for order " + orderId + ": " + payment.status() + " "
                + amount.amount() + " " + amount.currency() + " via " + provider.name());
        return new Charge(payment, false);
    }

    @Transactional
    public Refund refund(UUID paymentId, Long amount, String reason, String staffMember) {
        Payment payment = payments.lock(paymentId)
                .orElseThrow(() -> new PaymentException(404, "not-found", "no payment " + paymentId));
        long refundAmount = amount == null ? payment.refundable() : amount;
        if (reason != null && reason.length() > 300) {
            throw PaymentException.invalid("reason must have at most 300 characters");
        }
        payment.requireRefundable(refundAmount);
        Money money = new Money(refundAmount, payment.amount().currency());
        String key = payment.id() + ":refund:" + (payment.refunds().size() + 1);
        String reference = provider.refund(key, payment.providerReference(), money);
        Refund refund = payment.refunded(refundAmount, reason, reference, staffMember, clock.instant());
        events.refunded(payment, refund);
        LOG.info(() -> "Refunded " + refundAmount + " " + money.currency() + " of payment " + paymentId + " (order "
                + payment.orderId() + ")");
        return refund;
    }

    public Payment payment(UUID id) {
        return payments.find(id).orElseThrow(() -> new PaymentException(404, "not-found", "no payment " + id));
    }

    public List<Payment> forOrder(String orderId) {
        return payments.forOrder(orderId);
    }

    private static Charge replay(Payment payment, String hash) {
        if (!payment.sameRequest(hash)) {
            throw new PaymentException(422, "idempotency-key-reused",
                    "this Idempotency-Key was used for a different payment");
        }
        return new Charge(payment, true);
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw PaymentException.invalid("an Idempotency-Key header of 1 to 100 characters is required");
        }
    }

    private static String fingerprint(String orderId, Money amount) {
        return Digests.sha256Hex(orderId + "|" + amount.amount() + "|" + amount.currency());
    }
}
