package org.mercato.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentException;
import org.mercato.payment.domain.PaymentException.Reason;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.payment.domain.Refund;
import org.mercato.payment.domain.RefundStatus;
import org.mercato.platform.money.Money;

/** The payment use cases with fakes behind their ports: no container, no database. */
class PaymentServiceTest {

    private static final String ORDERS = "service:orders";
    private static final String STAFF = "staff-1";

    /** A clock tests can move on. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final InMemoryPayments db = new InMemoryPayments();
    private final ScriptedProvider provider = new ScriptedProvider(db);
    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final TestClock clock = new TestClock();
    private final PaymentService service = new PaymentService(db, provider, (payment, refund) -> announced.add(
            payment.id() + ":" + refund.amount()), db, clock);

    @AfterEach
    void noProviderCallHeldATransaction() {
        assertEquals(List.of(), provider.violations);
    }

    private PaymentService.Charge charge(String caller, String key, long amount) {
        return service.charge(caller, key, "order-1", new Money(amount, "EUR"), "tok_visa");
    }

    private Payment captured(long amount) {
        Payment payment = charge(ORDERS, "order:" + UUID.randomUUID(), amount).payment();
        assertEquals(PaymentStatus.CAPTURED, payment.status());
        return payment;
    }

    private static Reason reason(Runnable call) {
        return assertThrows(PaymentException.class, call::run).reason();
    }

    @Test
    void aChargeRecordsItsIntentFirstAndAsksTheProviderWithNoTransactionOpen() {
        AtomicReference<PaymentStatus> seenDuringAuthorize = new AtomicReference<>();
        provider.during = () -> seenDuringAuthorize.set(db.inNewTransaction(() -> db.lockByKey(ORDERS, "order:a")
                .orElseThrow().status()));
        Payment payment = charge(ORDERS, "order:a", 4200).payment();
        assertEquals(PaymentStatus.CAPTURED, payment.status());
        // the intent was committed before the provider was asked, and another transaction could lock its row
        assertEquals(PaymentStatus.AUTHORIZING, seenDuringAuthorize.get());
        assertEquals(List.of("authorize", "capture"), provider.calls.stream().map(ScriptedProvider.Call::method)
                .toList());
        assertEquals(payment.authorizationKey(), provider.calls.get(0).key());
    }

    @Test
    void idempotencyKeysBelongToTheCaller() {
        Payment first = charge(ORDERS, "same-key", 1000).payment();
        Payment other = charge("service:someone-else", "same-key", 1000).payment();
        assertNotEquals(first.id(), other.id());
        assertEquals(2, provider.count("authorize"));
        assertTrue(charge(ORDERS, "same-key", 1000).replay());
    }

    @Test
    void aReplayAnswersTheFirstResultAndADifferentRequestUnderTheKeyIsRefused() {
        PaymentService.Charge first = charge(ORDERS, "order:b", 4200);
        PaymentService.Charge again = charge(ORDERS, "order:b", 4200);
        assertFalse(first.replay());
        assertTrue(again.replay());
        assertEquals(first.payment().id(), again.payment().id());
        assertEquals(1, provider.count("authorize"));
        assertEquals(Reason.KEY_REUSED, reason(() -> charge(ORDERS, "order:b", 4300)));
        provider.authorize = key -> PaymentProvider.Authorization.declined("card_declined");
        Payment declined = charge(ORDERS, "order:c", 100).payment();
        assertEquals(PaymentStatus.DECLINED, declined.status());
        assertEquals(declined.id(), charge(ORDERS, "order:c", 100).payment().id());
        assertEquals(2, provider.count("authorize"));
    }

    @Test
    void aRequestRacingTheFirstWithTheSameKeyIsRefusedAsInProgress() {
        AtomicReference<Reason> racer = new AtomicReference<>();
        provider.during = () -> racer.set(reason(() -> charge(ORDERS, "order:race", 700)));
        assertEquals(PaymentStatus.CAPTURED, charge(ORDERS, "order:race", 700).payment().status());
        assertEquals(Reason.REQUEST_IN_PROGRESS, racer.get());
        assertEquals(1, provider.count("authorize"));
    }

    @Test
    void aCaptureThatFailsAfterTheAuthorizationVoidsIt() {
        provider.captureFailure = new PaymentProvider.RejectedException("capture refused", null);
        Payment payment = charge(ORDERS, "order:v", 2500).payment();
        assertEquals(PaymentStatus.VOIDED, payment.status());
        assertEquals(0, payment.refundable());
        assertEquals(List.of("authorize", "capture", "void"), provider.calls.stream().map(
                ScriptedProvider.Call::method).toList());
        assertEquals(payment.voidKey(), provider.calls.get(2).key());
    }

    @Test
    void aVoidThatFailsTooIsFinishedByTheSettlement() {
        provider.captureFailure = new PaymentProvider.UnavailableException("capture timed out", null);
        provider.voidFailure = new PaymentProvider.UnavailableException("void timed out", null);
        Payment payment = charge(ORDERS, "order:vv", 2500).payment();
        assertEquals(PaymentStatus.AUTHORIZED, payment.status());
        assertEquals(0, service.settleStalled(Duration.ofSeconds(30), 10), "not stalled yet");
        provider.voidFailure = null;
        clock.now = clock.now.plusSeconds(60);
        assertEquals(1, service.settleStalled(Duration.ofSeconds(30), 10));
        assertEquals(PaymentStatus.VOIDED, service.payment(payment.id()).payment().status());
    }

    @Test
    void authenticationRequiredIsItsOwnOutcomeNotADecline() {
        provider.authorize = key -> PaymentProvider.Authorization.authenticationRequired("pi_3ds");
        Payment payment = charge(ORDERS, "order:3ds", 900).payment();
        assertEquals(PaymentStatus.AUTHENTICATION_REQUIRED, payment.status());
        assertEquals(0, provider.count("capture"));
    }

    @Test
    void anUnansweredAuthorizationFailsAndTheSameKeyTriesAgainWithTheProvidersSameKey() {
        provider.authorize = key -> {
            throw new PaymentProvider.UnavailableException("timed out", null);
        };
        Payment failed = charge(ORDERS, "order:u", 1500).payment();
        assertEquals(PaymentStatus.FAILED, failed.status());
        provider.authorize = key -> PaymentProvider.Authorization.approved("pi_u");
        PaymentService.Charge retried = charge(ORDERS, "order:u", 1500);
        assertFalse(retried.replay());
        assertEquals(failed.id(), retried.payment().id());
        assertEquals(PaymentStatus.CAPTURED, retried.payment().status());
        assertEquals(provider.calls.get(0).key(), provider.calls.get(1).key());
    }

    @Test
    void aCrashBetweenIntentAndOutcomeLeavesARowTheSettlementEnds() {
        Payment intent = Payment.intent(ORDERS, "order-9", "order:crash", "h".repeat(64), new Money(100, "EUR"),
                "scripted", clock.instant());
        db.inNewTransaction(() -> db.add(intent));
        clock.now = clock.now.plusSeconds(31);
        assertEquals(1, service.settleStalled(Duration.ofSeconds(30), 10));
        assertEquals(PaymentStatus.FAILED, service.forOrder("order-9").get(0).payment().status());
    }

    @Test
    void aRefundReplayAnswersTheFirstRefundAndAnotherBodyIsRefused() {
        Payment payment = captured(5000);
        PaymentService.RefundResult first = service.refund(STAFF, "r-1", payment.id(), 1500L, "scratched", STAFF);
        PaymentService.RefundResult again = service.refund(STAFF, "r-1", payment.id(), 1500L, "scratched", STAFF);
        assertFalse(first.replay());
        assertTrue(again.replay());
        assertEquals(first.refund().id(), again.refund().id());
        assertEquals(3500L, again.refund().remainingAfter());
        assertEquals(1, provider.count("refund"));
        assertEquals(Reason.KEY_REUSED, reason(() -> service.refund(STAFF, "r-1", payment.id(), 1600L, "scratched",
                STAFF)));
        assertEquals(Reason.KEY_REUSED, reason(() -> service.refund(STAFF, "r-1", payment.id(), 1500L, "other",
                STAFF)));
        // another caller's same key is another refund
        assertFalse(service.refund("staff-2", "r-1", payment.id(), 1500L, "scratched", "staff-2").replay());
        assertEquals(3500 - 1500, service.payment(payment.id()).payment().refundable());
        assertEquals(List.of(payment.id() + ":1500", payment.id() + ":1500"), announced);
    }

    @Test
    void aRefundInProgressHoldsItsAmountAndRefusesItsTwin() {
        Payment payment = captured(5000);
        List<Reason> during = new ArrayList<>();
        provider.during = () -> {
            during.add(reason(() -> service.refund(STAFF, "r-2", payment.id(), 4000L, null, STAFF)));
            during.add(reason(() -> service.refund(STAFF, "r-3", payment.id(), 1001L, null, STAFF)));
        };
        Refund refund = service.refund(STAFF, "r-2", payment.id(), 4000L, null, STAFF).refund();
        assertEquals(List.of(Reason.REQUEST_IN_PROGRESS, Reason.REFUND_EXCEEDS_PAYMENT), during);
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
        assertEquals(1000, service.payment(payment.id()).payment().refundable());
    }

    @Test
    void aFailedRefundGivesTheAmountBackAndTheSameKeyTriesAgainWithTheProvidersSameKey() {
        Payment payment = captured(3000);
        provider.refundFailure = new PaymentProvider.UnavailableException("timed out", null);
        provider.refundFailures = 1;
        assertEquals(Reason.PROVIDER_UNAVAILABLE, reason(() -> service.refund(ORDERS, "order:1:refund", payment
                .id(), null, "cancelled", ORDERS)));
        assertEquals(3000, service.payment(payment.id()).payment().refundable());
        PaymentService.RefundResult retried = service.refund(ORDERS, "order:1:refund", payment.id(), null,
                "cancelled", ORDERS);
        assertFalse(retried.replay());
        assertEquals(RefundStatus.SUCCEEDED, retried.refund().status());
        assertEquals(2, retried.refund().attempts());
        assertEquals(provider.calls.get(2).key(), provider.calls.get(3).key());
        assertEquals(PaymentStatus.REFUNDED, service.payment(payment.id()).payment().status());
        assertTrue(service.refund(ORDERS, "order:1:refund", payment.id(), null, "cancelled", ORDERS).replay());
        assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, reason(() -> service.refund(ORDERS, "other", payment.id(), null,
                "cancelled", ORDERS)));
    }

    @Test
    void aRefusalThatOnlyARefundInFlightCausesKeepsNothingUnderItsKey() {
        Payment payment = captured(1000);
        provider.refundFailure = new PaymentProvider.RejectedException("refused", null);
        provider.refundFailures = 1;
        List<PaymentException> during = new ArrayList<>();
        // while 500 are being refunded under r1, 600 more is too much: for now
        provider.during = () -> during.add(assertThrows(PaymentException.class, () -> service.refund(STAFF, "r2",
                payment.id(), 600L, "dent", STAFF)));
        assertEquals(Reason.PROVIDER_REFUSED, reason(() -> service.refund(STAFF, "r1", payment.id(), 500L, null,
                STAFF)));
        PaymentException first = during.get(0);
        assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, first.reason());
        assertFalse(first.replay());
        assertEquals("only 5.00 EUR of payment " + payment.id() + " can be refunded (5.00 EUR is being refunded"
                + " right now)", first.getMessage());
        // r1 moved nothing, so r2 passes now under its key: a refusal kept there would leave the money owed (the
        // order service retries its refund with one stable key)
        PaymentService.RefundResult retried = service.refund(STAFF, "r2", payment.id(), 600L, "dent", STAFF);
        assertFalse(retried.replay());
        assertEquals(RefundStatus.SUCCEEDED, retried.refund().status());
        assertEquals(400, service.payment(payment.id()).payment().refundable());
    }

    @Test
    void aSettledRefusalIsKeptUnderItsKey() {
        Payment payment = captured(1000);
        assertEquals(RefundStatus.SUCCEEDED, service.refund(STAFF, "r1", payment.id(), 700L, null, STAFF).refund()
                .status());
        PaymentException first = assertThrows(PaymentException.class, () -> service.refund(STAFF, "r2", payment
                .id(), 600L, "dent", STAFF));
        assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, first.reason());
        assertEquals("only 3.00 EUR of payment " + payment.id() + " can be refunded", first.getMessage());
        PaymentException again = assertThrows(PaymentException.class, () -> service.refund(STAFF, "r2", payment
                .id(), 600L, "dent", STAFF));
        assertTrue(again.replay());
        assertEquals(first.getMessage(), again.getMessage());
        assertEquals(Reason.KEY_REUSED, reason(() -> service.refund(STAFF, "r2", payment.id(), 50L, "dent",
                STAFF)));
        assertEquals(300, service.payment(payment.id()).payment().refundable());
        // the refusal is its key's record, not one of the payment's refunds
        assertEquals(List.of(RefundStatus.SUCCEEDED), service.payment(payment.id()).refunds().stream().map(
                Refund::status).toList());
    }

    @Test
    void aRefundOfAnUnknownPaymentOrOfNothingLeftIsRefusedAgainUnderItsKey() {
        UUID unknown = UUID.randomUUID();
        PaymentException notFound = assertThrows(PaymentException.class, () -> service.refund(STAFF, "u1", unknown,
                100L, null, STAFF));
        assertEquals(Reason.NOT_FOUND, notFound.reason());
        assertFalse(notFound.replay());
        PaymentException replayed = assertThrows(PaymentException.class, () -> service.refund(STAFF, "u1", unknown,
                100L, null, STAFF));
        assertEquals(Reason.NOT_FOUND, replayed.reason());
        assertTrue(replayed.replay());
        assertEquals(Reason.KEY_REUSED, reason(() -> service.refund(STAFF, "u1", unknown, 200L, null, STAFF)));

        Payment payment = captured(700);
        service.refund(STAFF, "all", payment.id(), null, null, STAFF);
        PaymentException nothing = assertThrows(PaymentException.class, () -> service.refund(STAFF, "rest",
                payment.id(), null, null, STAFF));
        assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, nothing.reason());
        assertTrue(assertThrows(PaymentException.class, () -> service.refund(STAFF, "rest", payment.id(), null,
                null, STAFF)).replay());
        assertEquals(1, provider.count("refund"));
    }

    @Test
    void aMalformedRefundKeepsNothingUnderItsKey() {
        Payment payment = captured(900);
        assertEquals(Reason.INVALID, reason(() -> service.refund(STAFF, "m1", payment.id(), 0L, null, STAFF)));
        assertEquals(Reason.INVALID, reason(() -> service.refund(STAFF, "m1", payment.id(), 100L, "x".repeat(301),
                STAFF)));
        PaymentService.RefundResult result = service.refund(STAFF, "m1", payment.id(), 100L, null, STAFF);
        assertFalse(result.replay());
        assertEquals(RefundStatus.SUCCEEDED, result.refund().status());
    }

    @Test
    void concurrentRefundsNeverGiveBackMoreThanWasCaptured() throws Exception {
        Payment payment = captured(5000);
        provider.latencyMillis = 20;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = "r-" + i;
            results.add(pool.submit(() -> {
                try {
                    return service.refund(STAFF, key, payment.id(), 1000L, null, STAFF).refund().amount();
                } catch (PaymentException e) {
                    assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, e.reason());
                    return 0L;
                }
            }));
        }
        long refunded = 0;
        for (Future<Long> result : results) {
            refunded += result.get();
        }
        pool.shutdown();
        assertEquals(5000, refunded);
        assertEquals(5, provider.count("refund"));
        Payment after = service.payment(payment.id()).payment();
        assertEquals(PaymentStatus.REFUNDED, after.status());
        assertEquals(0, after.refundReserved());
    }

    @Test
    void aStalledRefundIsAskedAgainWithItsOwnKey() {
        Payment payment = captured(800);
        Refund pending = db.inNewTransaction(() -> {
            Payment locked = db.lock(payment.id()).orElseThrow();
            Refund refund = Refund.reserve(locked, STAFF, "r-crash", "h".repeat(64), 800, null, STAFF, clock
                    .instant());
            db.addRefund(refund);
            return refund;
        });
        clock.now = clock.now.plusSeconds(31);
        assertEquals(1, service.settleStalled(Duration.ofSeconds(30), 10));
        assertEquals(pending.providerKey(), provider.calls.get(provider.calls.size() - 1).key());
        assertEquals(PaymentStatus.REFUNDED, service.payment(payment.id()).payment().status());
    }

    @Test
    void badRequestsChargeNothing() {
        for (Runnable bad : List.<Runnable>of(() -> charge(ORDERS, null, 100), () -> charge(null, "k", 100),
                () -> service.charge(ORDERS, "k", "order x", new Money(100, "EUR"), "tok_visa"),
                () -> charge(ORDERS, "k", 0),
                () -> service.charge(ORDERS, "k", "order-x", new Money(100, "EUR"), "4242424242424242"),
                () -> service.refund(STAFF, null, UUID.randomUUID(), 100L, null, STAFF))) {
            assertEquals(Reason.INVALID, reason(bad));
        }
        assertEquals(Reason.NOT_FOUND, reason(() -> service.refund(STAFF, "k", UUID.randomUUID(), 100L, null,
                STAFF)));
        assertEquals(0, db.paymentCount());
        assertEquals(0, provider.calls.size());
    }
}
