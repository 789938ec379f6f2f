package org.mercato.payment.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.mercato.payment.domain.Payment;
import org.mercato.platform.metrics.ShopMetrics;
import org.mercato.payment.domain.PaymentException;
import org.mercato.payment.domain.PaymentException.Reason;
import org.mercato.payment.domain.PaymentRepository;
import org.mercato.payment.domain.PaymentSearch;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.payment.domain.Refund;
import org.mercato.payment.domain.RefundStatus;
import org.mercato.platform.money.CardTokens;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyText;
import org.mercato.platform.security.Digests;

/**
 * Charges and refunds, each keyed by the caller's Idempotency-Key (the same key from two callers is two keys). The
 * intent is recorded and committed first (the unique (caller, key) index decides between racing requests), the
 * provider is asked outside any transaction, and its answer is recorded in a new transaction. Asked again with the
 * same key and request, a finished charge or refund is answered as it was (never a second charge or refund); a
 * different request under the key is refused (KEY_REUSED); one still in progress is refused (REQUEST_IN_PROGRESS);
 * one that failed without moving money because the provider did not answer or failed is tried again (with the
 * provider's same idempotency key). A refund the payment's rules refused once the request was read (no such
 * payment, more than is left) keeps that refusal under its key like any other outcome: the same request is answered
 * the same refusal, even once it would pass. Card tokens are handed to the provider and forgotten; nothing about
 * the card is stored or logged.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class.getName());
    /** The largest charge, in minor units. */
    static final long MAX_AMOUNT = 100_000_000L;

    /** @param replay true when the key had been used for this request before (nothing new was charged) */
    public record Charge(Payment payment, boolean replay) {
    }

    /** @param replay true when the key had been used for this request before (nothing new was refunded) */
    public record RefundResult(Refund refund, boolean replay) {
    }

    /** A payment with its refunds (all of them, whatever their status), oldest first. */
    public record PaymentDetails(Payment payment, List<Refund> refunds) {
    }

    private record Claim<T>(T value, boolean replay, String providerReference) {
    }

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentProvider provider;

    @Inject
    PaymentEvents events;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    ShopMetrics metrics = new ShopMetrics();

    protected PaymentService() {
        // for CDI
    }

    public PaymentService(PaymentRepository payments, PaymentProvider provider, PaymentEvents events,
            Transactions transactions, Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Authorizes and captures {@code amount} for an order. Never called inside a transaction (TxType.NEVER): the
     * provider calls must not hold one open.
     *
     * @param caller the JWT subject of whoever asks (the order service): the key's owner
     * @return the payment as it ended: CAPTURED, DECLINED, AUTHENTICATION_REQUIRED, VOIDED (capture failed, hold
     *         released), FAILED (the provider did not answer; the same key may retry) or, rarely, AUTHORIZED (capture
     *         and void both failed: the settlement job finishes it)
     */
    @Transactional(TxType.NEVER)
    public Charge charge(String caller, String idempotencyKey, String orderId, Money amount, String cardToken) {
        requireCaller(caller);
        requireKey(idempotencyKey);
        if (orderId == null || !orderId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw PaymentException.invalid("orderId must be 1 to 64 letters, digits, dots, colons, hyphens or"
                    + " underscores");
        }
        if (amount == null || amount.amount() <= 0 || amount.amount() > MAX_AMOUNT) {
            throw PaymentException.invalid("amount must be between 1 and " + MAX_AMOUNT + " minor units");
        }
        String tokenRefusal = CardTokens.refusal(cardToken);
        if (tokenRefusal != null) {
            throw PaymentException.invalid("token " + tokenRefusal + " (the card itself never reaches Mercato)");
        }
        String hash = Digests.sha256Hex(orderId + "|" + amount.amount() + "|" + amount.currency());
        Payment intent = Payment.intent(caller, orderId, idempotencyKey, hash, amount, provider.name(),
                clock.instant());
        Payment payment;
        if (transactions.inNewTransaction(() -> payments.add(intent))) {
            payment = intent;
        } else {
            Claim<Payment> earlier = transactions.inNewTransaction(() -> claimEarlierCharge(caller, idempotencyKey,
                    hash));
            if (earlier.replay()) {
                return new Charge(earlier.value(), true);
            }
            payment = earlier.value();
        }
        Payment outcome = authorizeAndCapture(payment, cardToken);
        metrics.count("mercato.payments.charges", "Charges asked of the payment provider, by outcome (captured,"
                + " declined, authentication_required, failed, ...)", "outcome",
                outcome.status().name().toLowerCase(
                        java.util.Locale.ROOT));
        LOG.info(() -> "Payment " + outcome.id() + " for order " + orderId + ": " + outcome.status() + " "
                + MoneyText.of(amount) + " via " + provider.name());
        return new Charge(outcome, false);
    }

    private Claim<Payment> claimEarlierCharge(String caller, String key, String hash) {
        Payment earlier = payments.lockByKey(caller, key)
                .orElseThrow(() -> new IllegalStateException("the key's payment vanished"));
        if (!earlier.sameRequest(hash)) {
            throw new PaymentException(Reason.KEY_REUSED, "this Idempotency-Key was used for a different payment");
        }
        if (earlier.status().inProgress()) {
            throw new PaymentException(Reason.REQUEST_IN_PROGRESS, "a payment with this Idempotency-Key is in"
                    + " progress; ask again in a few seconds");
        }
        if (earlier.status() == PaymentStatus.FAILED) {
            earlier.retry(clock.instant());
            return new Claim<>(earlier, false, null);
        }
        return new Claim<>(earlier, true, null);
    }

    private Payment authorizeAndCapture(Payment payment, String cardToken) {
        PaymentProvider.Authorization answer;
        try {
            answer = provider.authorize(payment.authorizationKey(), payment.amount(), cardToken, "Mercato order "
                    + payment.orderId());
        } catch (PaymentProvider.UnavailableException e) {
            LOG.warning(() -> "Payment " + payment.id() + ": the provider did not answer the authorization: " + e
                    .getMessage());
            return record(payment.id(), PaymentStatus.AUTHORIZING, p -> p.failed("provider_unavailable",
                    clock.instant()));
        } catch (PaymentProvider.RejectedException e) {
            return record(payment.id(), PaymentStatus.AUTHORIZING, p -> p.declined("provider_refused",
                    clock.instant()));
        }
        switch (answer.outcome()) {
            case DECLINED :
                return record(payment.id(), PaymentStatus.AUTHORIZING, p -> p.declined(answer.declineReason(),
                        clock.instant()));
            case AUTHENTICATION_REQUIRED :
                return record(payment.id(), PaymentStatus.AUTHORIZING, p -> p.authenticationRequired(answer
                        .reference(), clock.instant()));
            default :
                break;
        }
        Payment authorized = record(payment.id(), PaymentStatus.AUTHORIZING, p -> p.authorized(answer.reference(),
                clock.instant()));
        if (authorized.status() != PaymentStatus.AUTHORIZED) {
            return authorized;
        }
        try {
            provider.capture(authorized.captureKey(), authorized.providerReference(), authorized.amount());
        } catch (PaymentProvider.UnavailableException | PaymentProvider.RejectedException e) {
            LOG.warning(() -> "Payment " + payment.id() + ": capture failed (" + e.getMessage() + "); voiding the"
                    + " authorization");
            return voidAuthorization(authorized, "capture_failed");
        }
        return record(payment.id(), PaymentStatus.AUTHORIZED, p -> p.captured(clock.instant()));
    }

    /** Cancels the hold; if the provider will not answer, the payment stays AUTHORIZED for the settlement job. */
    private Payment voidAuthorization(Payment authorized, String why) {
        try {
            provider.voidAuthorization(authorized.voidKey(), authorized.providerReference());
        } catch (PaymentProvider.UnavailableException | PaymentProvider.RejectedException e) {
            LOG.warning(() -> "Payment " + authorized.id() + ": void failed (" + e.getMessage() + "); left to the"
                    + " settlement job");
            return authorized;
        }
        return record(authorized.id(), PaymentStatus.AUTHORIZED, p -> p.voided(why, clock.instant()));
    }

    /** Applies a provider's answer in a new transaction, unless someone else (the settlement job) already did. */
    private Payment record(UUID id, PaymentStatus expected, Consumer<Payment> change) {
        return transactions.inNewTransaction(() -> {
            Payment payment = payments.lock(id).orElseThrow(() -> new IllegalStateException("payment " + id
                    + " vanished"));
            if (payment.status() == expected) {
                change.accept(payment);
            }
            return payment;
        });
    }

    /**
     * Gives back {@code amount} minor units (all that is left when null) of a captured payment. The amount is
     * reserved on the payment in a committed transaction first (under a row lock held for milliseconds), then the
     * provider is asked with no transaction open, then the refund is marked SUCCEEDED (with PaymentRefunded in the
     * outbox) or FAILED with the amount given back.
     *
     * @param caller the JWT subject of whoever asks: the key's owner
     * @param refundedBy the principal's name, kept with the refund
     * @throws PaymentException PROVIDER_UNAVAILABLE or PROVIDER_REFUSED when nothing was refunded (the same key may
     *         try again); NOT_FOUND or REFUND_EXCEEDS_PAYMENT when the payment's rules refuse it, a refusal kept
     *         under the key ({@link PaymentException#replay()} when it is answered again from there); INVALID for a
     *         malformed request (which keeps nothing: the key stays free)
     */
    @Transactional(TxType.NEVER)
    public RefundResult refund(String caller, String idempotencyKey, UUID paymentId, Long amount, String reason,
            String refundedBy) {
        requireCaller(caller);
        requireKey(idempotencyKey);
        if (paymentId == null) {
            throw PaymentException.invalid("paymentId is required");
        }
        if (amount != null && amount <= 0) {
            throw PaymentException.invalid("a refund is a positive amount in minor units");
        }
        if (reason != null && reason.length() > 300) {
            throw PaymentException.invalid("reason must have at most 300 characters");
        }
        String hash = Digests.sha256Hex(paymentId + "|" + (amount == null ? "rest" : amount) + "|"
                + (reason == null ? "" : reason));
        Claim<Refund> claim = transactions.inNewTransaction(() -> claimRefund(caller, idempotencyKey, hash,
                paymentId, amount, reason, refundedBy));
        if (claim.value().status() == RefundStatus.REFUSED) {
            // thrown only now, after the refusal's record committed: a throw inside would roll it back
            PaymentException refusal = claim.value().refusal();
            throw claim.replay() ? refusal.asReplay() : refusal;
        }
        if (claim.replay()) {
            return new RefundResult(claim.value(), true);
        }
        Refund refund = claim.value();
        String reference;
        try {
            reference = provider.refund(refund.providerKey(), claim.providerReference(), refund.money());
        } catch (PaymentProvider.UnavailableException | PaymentProvider.RejectedException e) {
            boolean unavailable = e instanceof PaymentProvider.UnavailableException;
            LOG.warning(() -> "Refund " + refund.id() + " of payment " + paymentId + " failed: " + e.getMessage());
            recordRefund(refund.id(), (p, r) -> r.failed(p, unavailable
                    ? "provider_unavailable"
                    : "provider_refused", clock.instant()));
            throw new PaymentException(unavailable ? Reason.PROVIDER_UNAVAILABLE : Reason.PROVIDER_REFUSED,
                    "the payment provider " + (unavailable ? "did not answer" : "refused the refund")
                            + "; nothing was refunded, send the request again with the same Idempotency-Key");
        }
        Refund done = recordRefund(refund.id(), (p, r) -> succeeded(p, r, reference));
        metrics.count("mercato.payments.refunds", "Refunds asked of the payment provider, by outcome", "outcome",
                done.status().name().toLowerCase(java.util.Locale.ROOT));
        LOG.info(() -> "Refunded " + MoneyText.of(done.money()) + " of payment " + paymentId + ": " + done.status());
        return new RefundResult(done, false);
    }

    private Claim<Refund> claimRefund(String caller, String key, String hash, UUID paymentId, Long amount,
            String reason, String refundedBy) {
        var earlier = payments.refundByKey(caller, key);
        if (earlier.isPresent()) {
            return claimEarlierRefund(earlier.get(), hash);
        }
        Payment payment = payments.lock(paymentId).orElse(null);
        if (payment == null) {
            return refuse(Refund.refused(null, caller, key, hash, amount, reason, refundedBy, PaymentException
                    .notFound("no payment " + paymentId), clock.instant()));
        }
        earlier = payments.refundByKey(caller, key); // a twin may have committed while this one waited for the lock
        if (earlier.isPresent()) {
            return claimEarlierRefund(earlier.get(), hash);
        }
        long refundAmount = amount == null ? payment.refundable() : amount;
        Refund refund;
        try {
            if (refundAmount == 0) {
                throw new PaymentException(Reason.REFUND_EXCEEDS_PAYMENT, "nothing of payment " + paymentId
                        + " is left to refund");
            }
            // under the payment's row lock: concurrent refunds are checked against each other's reservations
            refund = Refund.reserve(payment, caller, key, hash, refundAmount, reason, refundedBy, clock.instant());
        } catch (PaymentException refused) {
            // too much only because another refund is in flight is not settled: that one may fail and give its
            // amount back, and the order service retries its refund under one stable key
            boolean inFlight = refused.reason() == Reason.REFUND_EXCEEDS_PAYMENT && payment.refundReserved() > 0;
            if (!keptUnderKey(refused.reason()) || inFlight) {
                throw refused;
            }
            return refuse(Refund.refused(payment, caller, key, hash, amount, reason, refundedBy, refused, clock
                    .instant()));
        }
        if (!payments.addRefund(refund)) {
            // the unique (caller, key) index refused it: a request with this key got there first (rolled back)
            throw new PaymentException(Reason.REQUEST_IN_PROGRESS, "a refund with this Idempotency-Key is in"
                    + " progress; ask again in a few seconds");
        }
        return new Claim<>(refund, false, payment.providerReference());
    }

    /**
     * Whether a refusal is an outcome kept under the request's key: the payment's rules refused a request that was
     * read and understood. A malformed request (INVALID) never ran, and the provider's failures are retried.
     */
    private static boolean keptUnderKey(Reason reason) {
        return reason == Reason.NOT_FOUND || reason == Reason.REFUND_EXCEEDS_PAYMENT || reason == Reason.PAYMENT_STATE;
    }

    /** Records a refused refund under its key (nothing reserved); a twin that took the key first is in progress. */
    private Claim<Refund> refuse(Refund refused) {
        if (!payments.addRefund(refused)) {
            // the unique (caller, key) index refused it: a request with this key got there first
            throw new PaymentException(Reason.REQUEST_IN_PROGRESS, "a refund with this Idempotency-Key is in"
                    + " progress; ask again in a few seconds");
        }
        return new Claim<>(refused, false, null);
    }

    private Claim<Refund> claimEarlierRefund(Refund earlier, String hash) {
        if (!earlier.sameRequest(hash)) {
            throw new PaymentException(Reason.KEY_REUSED, "this Idempotency-Key was used for a different refund");
        }
        if (earlier.status() == RefundStatus.SUCCEEDED || earlier.status() == RefundStatus.REFUSED) {
            return new Claim<>(earlier, true, null);
        }
        if (earlier.status() == RefundStatus.PENDING) {
            throw new PaymentException(Reason.REQUEST_IN_PROGRESS, "a refund with this Idempotency-Key is in"
                    + " progress; ask again in a few seconds");
        }
        Payment payment = payments.lock(earlier.paymentId()).orElseThrow();
        Refund refund = payments.lockRefund(earlier.id()).orElseThrow();
        if (refund.status() != RefundStatus.FAILED) {
            return claimEarlierRefund(refund, hash);
        }
        refund.retry(payment, clock.instant());
        return new Claim<>(refund, false, payment.providerReference());
    }

    private void succeeded(Payment payment, Refund refund, String reference) {
        refund.succeeded(payment, reference, clock.instant());
        events.refunded(payment, refund);
    }

    private interface RefundChange {
        void apply(Payment payment, Refund refund);
    }

    /** Applies the provider's answer to a PENDING refund in a new transaction (payment row locked first). */
    private Refund recordRefund(UUID refundId, RefundChange change) {
        return transactions.inNewTransaction(() -> {
            Refund pending = payments.refund(refundId).orElseThrow();
            Payment payment = payments.lock(pending.paymentId()).orElseThrow();
            Refund refund = payments.lockRefund(refundId).orElseThrow();
            if (refund.status() == RefundStatus.PENDING) {
                change.apply(payment, refund);
            }
            return refund;
        });
    }

    /**
     * Settles what a crash or an unanswered provider left in progress for longer than {@code after}: a payment
     * still AUTHORIZING ends FAILED (nothing was captured: a capture only follows a recorded authorization); one
     * still AUTHORIZED is voided (or, if the provider says it was captured already, recorded CAPTURED, so the order
     * service's payment check refunds it); a PENDING refund is asked again with its own idempotency key.
     *
     * @return how many payments and refunds were settled
     */
    // NOT_SUPPORTED, not NEVER: the timer that calls this runs in a container transaction on Payara whatever its
    // attributes say; suspending it keeps the provider calls outside any transaction all the same
    @Transactional(TxType.NOT_SUPPORTED)
    public int settleStalled(Duration after, int max) {
        Instant before = clock.instant().minus(after);
        int settled = 0;
        for (Payment stalled : transactions.inNewTransaction(() -> payments.stalled(before, max))) {
            Payment after1 = stalled.status() == PaymentStatus.AUTHORIZING
                    ? record(stalled.id(), PaymentStatus.AUTHORIZING, p -> p.failed("no_answer_recorded",
                            clock.instant()))
                    : settleAuthorized(stalled);
            if (!after1.status().inProgress()) {
                settled++;
                LOG.warning(() -> "Stalled payment " + stalled.id() + " of order " + stalled.orderId() + " settled: "
                        + after1.status());
            }
        }
        for (Refund stalled : transactions.inNewTransaction(() -> payments.stalledRefunds(before, max))) {
            String reference = transactions.inNewTransaction(() -> payments.find(stalled.paymentId()).orElseThrow()
                    .providerReference());
            try {
                String refundReference = provider.refund(stalled.providerKey(), reference, stalled.money());
                recordRefund(stalled.id(), (p, r) -> succeeded(p, r, refundReference));
                settled++;
            } catch (PaymentProvider.RejectedException e) {
                recordRefund(stalled.id(), (p, r) -> r.failed(p, "provider_refused", clock.instant()));
                settled++;
            } catch (PaymentProvider.UnavailableException e) {
                LOG.info(() -> "Stalled refund " + stalled.id() + ": provider still unavailable, next round");
            }
        }
        return settled;
    }

    private Payment settleAuthorized(Payment stalled) {
        try {
            provider.voidAuthorization(stalled.voidKey(), stalled.providerReference());
            return record(stalled.id(), PaymentStatus.AUTHORIZED, p -> p.voided("not_captured_in_time",
                    clock.instant()));
        } catch (PaymentProvider.UnavailableException e) {
            return stalled;
        } catch (PaymentProvider.RejectedException notVoidable) {
            // e.g. captured after all (our record of it was lost): the same capture key answers as the first time
            try {
                provider.capture(stalled.captureKey(), stalled.providerReference(), stalled.amount());
                return record(stalled.id(), PaymentStatus.AUTHORIZED, p -> p.captured(clock.instant()));
            } catch (PaymentProvider.UnavailableException | PaymentProvider.RejectedException e) {
                return stalled;
            }
        }
    }

    /** One payment with its refunds. */
    public PaymentDetails payment(UUID id) {
        return transactions.inNewTransaction(() -> new PaymentDetails(payments.find(id).orElseThrow(
                () -> PaymentException.notFound("no payment " + id)), payments.refundsOf(id)));
    }

    /** The payments of an order, oldest first, each with its refunds. */
    public List<PaymentDetails> forOrder(String orderId) {
        return transactions.inNewTransaction(() -> payments.forOrder(orderId).stream()
                .map(p -> new PaymentDetails(p, payments.refundsOf(p.id()))).toList());
    }

    /** One page of a list of payments, and how many the list has on all its pages. */
    public record PaymentPage(List<PaymentDetails> items, long total) {
        public PaymentPage {
            items = List.copyOf(items);
        }
    }

    /**
     * The payments a search keeps (every order's: for staff), in its order, each with its refunds; the refunds of a
     * page are read in one query.
     */
    public PaymentPage search(PaymentSearch search, int page, int size) {
        return transactions.inNewTransaction(() -> {
            List<Payment> found = payments.search(search, page, size);
            Map<UUID, List<Refund>> refunds = payments.refundsOf(found.stream().map(Payment::id).toList()).stream()
                    .collect(Collectors.groupingBy(Refund::paymentId));
            return new PaymentPage(found.stream().map(p -> new PaymentDetails(p, refunds.getOrDefault(p.id(), List
                    .of()))).toList(), payments.count(search));
        });
    }

    private static void requireCaller(String caller) {
        if (caller == null || caller.isBlank() || caller.length() > 200) {
            throw PaymentException.invalid("the caller must be known (a signed-in subject)");
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw PaymentException.invalid("an Idempotency-Key header of 1 to 100 characters is required");
        }
    }
}
