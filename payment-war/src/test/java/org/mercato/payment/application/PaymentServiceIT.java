package org.mercato.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentException;
import org.mercato.payment.domain.PaymentException.Reason;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.payment.infrastructure.JpaPaymentRepository;
import org.mercato.payment.infrastructure.SandboxPaymentProvider;
import org.mercato.platform.money.Money;
import org.mercato.platform.testing.PostgresUnit;

/**
 * Charges and refunds on a real PostgreSQL (Flyway's migrations) with the sandbox processor: one charge or refund
 * per caller and key whatever the concurrency, never more refunded than captured, and no transaction or row lock
 * held while the provider is asked.
 */
class PaymentServiceIT {

    private static final String ORDERS = "service:orders";
    private static PostgresUnit db;
    private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();
    private static final List<String> REFUNDS_ANNOUNCED = new CopyOnWriteArrayList<>();
    private static final List<String> LOCK_CHECKS = new CopyOnWriteArrayList<>();

    /** The sandbox, asked while a test hook may look at the database from another transaction. */
    private static final class ObservedSandbox implements PaymentProvider {
        private final SandboxPaymentProvider sandbox = new SandboxPaymentProvider(Duration.ofMillis(300));
        volatile Runnable during = () -> {
        };

        @Override
        public String name() {
            return sandbox.name();
        }

        @Override
        public Authorization authorize(String key, Money amount, String cardToken, String description) {
            during.run();
            return sandbox.authorize(key, amount, cardToken, description);
        }

        @Override
        public void capture(String key, String reference, Money amount) {
            during.run();
            sandbox.capture(key, reference, amount);
        }

        @Override
        public void voidAuthorization(String key, String reference) {
            sandbox.voidAuthorization(key, reference);
        }

        @Override
        public String refund(String key, String reference, Money amount) {
            during.run();
            return sandbox.refund(key, reference, amount);
        }
    }

    private static final ObservedSandbox PROVIDER = new ObservedSandbox();
    private static PaymentService service;

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("payments-it", "payments", PaymentServiceIT.class.getClassLoader());
        // the repository works on the entity manager of the transaction the current thread is in
        EntityManager current = (EntityManager) Proxy.newProxyInstance(PaymentServiceIT.class.getClassLoader(),
                new Class<?>[]{EntityManager.class}, (proxy, method, args) -> {
                    EntityManager em = CURRENT.get();
                    if (em == null) {
                        throw new IllegalStateException("the repository was used outside a transaction");
                    }
                    try {
                        return method.invoke(em, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Transactions transactions = new Transactions() {
            @Override
            public <T> T inNewTransaction(Supplier<T> work) {
                if (CURRENT.get() != null) {
                    throw new IllegalStateException("nested transaction");
                }
                List<T> result = new ArrayList<>(1);
                try {
                    db.inTransaction(em -> {
                        CURRENT.set(em);
                        result.add(work.get());
                    });
                } finally {
                    CURRENT.remove();
                }
                return result.get(0);
            }
        };
        service = new PaymentService(new JpaPaymentRepository(current), PROVIDER, (payment,
                refund) -> REFUNDS_ANNOUNCED.add(payment.id() + ":" + refund.amount()), transactions, Clock
                        .systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static long count(String sql) {
        List<Long> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(((Number) em.createNativeQuery(sql).getSingleResult()).longValue()));
        return result.get(0);
    }

    /** Another transaction locks the payment's row without waiting: nobody holds it. */
    private static void lockRowFromAnotherTransaction(UUID paymentId, String orderId) {
        db.inTransaction(em -> LOCK_CHECKS.add(em.createNativeQuery("select status from payment where "
                + (paymentId != null ? "id = '" + paymentId + "'" : "order_id = '" + orderId + "'")
                + " for update nowait").getSingleResult().toString()));
    }

    private static PaymentService.Charge charge(String caller, String key, String order, long amount) {
        return service.charge(caller, key, order, new Money(amount, "EUR"), "tok_visa");
    }

    @Test
    void aReplayedKeyReturnsTheFirstPaymentAndADifferentRequestIsRefused() {
        String key = "order:" + UUID.randomUUID();
        PaymentService.Charge first = charge(ORDERS, key, "order-a", 4200);
        PaymentService.Charge again = charge(ORDERS, key, "order-a", 4200);
        assertFalse(first.replay());
        assertTrue(again.replay());
        assertEquals(first.payment().id(), again.payment().id());
        assertEquals(PaymentStatus.CAPTURED, again.payment().status());
        assertEquals(Reason.KEY_REUSED, assertThrows(PaymentException.class, () -> charge(ORDERS, key, "order-a",
                4300)).reason());
        assertEquals(1, count("select count(*) from payment where idempotency_key = '" + key + "'"));
    }

    @Test
    void theSameKeyFromTwoCallersIsTwoKeys() {
        String key = "key-" + UUID.randomUUID();
        Payment first = charge(ORDERS, key, "order-k", 1000).payment();
        Payment second = charge("service:other", key, "order-k", 1000).payment();
        assertNotEquals(first.id(), second.id());
        assertEquals(2, count("select count(*) from payment where idempotency_key = '" + key + "'"));
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOnePayment() throws Exception {
        String key = "order:" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<UUID>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                try {
                    return charge(ORDERS, key, "order-c", 999).payment().id();
                } catch (PaymentException e) {
                    assertEquals(Reason.REQUEST_IN_PROGRESS, e.reason());
                    return null;
                }
            }));
        }
        List<UUID> ids = new ArrayList<>();
        for (Future<UUID> result : results) {
            if (result.get() != null) {
                ids.add(result.get());
            }
        }
        pool.shutdown();
        assertFalse(ids.isEmpty());
        assertEquals(1, ids.stream().distinct().count());
        assertEquals(1, count("select count(*) from payment where idempotency_key = '" + key + "'"));
    }

    @Test
    void theProviderIsAskedWithTheIntentCommittedAndTheRowFree() {
        String order = "order-" + UUID.randomUUID();
        PROVIDER.during = () -> lockRowFromAnotherTransaction(null, order);
        LOCK_CHECKS.clear();
        Payment payment;
        try {
            payment = charge(ORDERS, "order:" + order, order, 2000).payment();
            assertEquals(List.of("AUTHORIZING", "AUTHORIZED"), LOCK_CHECKS);
            LOCK_CHECKS.clear();
            PROVIDER.during = () -> lockRowFromAnotherTransaction(payment.id(), null);
            service.refund("staff", "r-" + order, payment.id(), 500L, null, "staff");
            assertEquals(List.of("CAPTURED"), LOCK_CHECKS);
        } finally {
            PROVIDER.during = () -> {
            };
        }
        assertEquals(1500, count("select amount - refunded - refund_reserved from payment where id = '" + payment
                .id() + "'"));
    }

    @Test
    void concurrentRefundsNeverExceedTheCapturedAmount() throws Exception {
        Payment payment = charge(ORDERS, "order:" + UUID.randomUUID(), "order-cr", 5000).payment();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = "refund-" + i;
            results.add(pool.submit(() -> {
                try {
                    return service.refund("staff", key, payment.id(), 1000L, null, "staff").refund().amount();
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
        assertEquals(5000, count("select refunded from payment where id = '" + payment.id() + "'"));
        assertEquals(0, count("select refund_reserved from payment where id = '" + payment.id() + "'"));
        assertEquals(5, count("select count(*) from refund where status = 'SUCCEEDED' and payment_id = '" + payment
                .id() + "'"));
        assertEquals(PaymentStatus.REFUNDED, service.payment(payment.id()).payment().status());
    }

    @Test
    void oneRefundPerKeyWhateverTheConcurrencyAndAnotherBodyIsRefused() throws Exception {
        Payment payment = charge(ORDERS, "order:" + UUID.randomUUID(), "order-rk", 3000).payment();
        String key = "order:rk:refund";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<UUID>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                try {
                    return service.refund(ORDERS, key, payment.id(), null, "cancelled", ORDERS).refund().id();
                } catch (PaymentException e) {
                    assertEquals(Reason.REQUEST_IN_PROGRESS, e.reason());
                    return null;
                }
            }));
        }
        List<UUID> ids = new ArrayList<>();
        for (Future<UUID> result : results) {
            if (result.get() != null) {
                ids.add(result.get());
            }
        }
        pool.shutdown();
        assertEquals(1, ids.stream().distinct().count());
        assertEquals(1, count("select count(*) from refund where payment_id = '" + payment.id() + "'"));
        PaymentService.RefundResult replay = service.refund(ORDERS, key, payment.id(), null, "cancelled", ORDERS);
        assertTrue(replay.replay());
        assertEquals(0L, replay.refund().remainingAfter());
        assertEquals(Reason.KEY_REUSED, assertThrows(PaymentException.class, () -> service.refund(ORDERS, key,
                payment.id(), 100L, "cancelled", ORDERS)).reason());
        assertTrue(REFUNDS_ANNOUNCED.contains(payment.id() + ":3000"));
    }

    @Test
    void aRefusedRefundKeepsItsRefusalUnderItsKeyAndReservesNothing() throws Exception {
        Payment payment = charge(ORDERS, "order:" + UUID.randomUUID(), "order-rr", 1000).payment();
        String key = "rr-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<PaymentException>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> assertThrows(PaymentException.class, () -> service.refund("staff", key,
                    payment.id(), 2000L, "too much", "staff"))));
        }
        int refusals = 0;
        for (Future<PaymentException> result : results) {
            Reason reason = result.get().reason();
            if (reason == Reason.REFUND_EXCEEDS_PAYMENT) {
                refusals++;
                assertTrue(result.get().getMessage().startsWith("only 10.00 EUR of payment "), result.get()
                        .getMessage());
            } else {
                assertEquals(Reason.REQUEST_IN_PROGRESS, reason);
            }
        }
        pool.shutdown();
        assertTrue(refusals >= 1);
        assertEquals(1, count("select count(*) from refund where idempotency_key = '" + key + "'"
                + " and status = 'REFUSED' and refusal_reason = 'REFUND_EXCEEDS_PAYMENT'"));
        PaymentException replayed = assertThrows(PaymentException.class, () -> service.refund("staff", key, payment
                .id(), 2000L, "too much", "staff"));
        assertTrue(replayed.replay());
        assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, replayed.reason());
        assertEquals(Reason.KEY_REUSED, assertThrows(PaymentException.class, () -> service.refund("staff", key,
                payment.id(), 50L, "too much", "staff")).reason());
        assertEquals(1000, count("select amount - refunded - refund_reserved from payment where id = '" + payment
                .id() + "'"));
        assertEquals(List.of(), service.payment(payment.id()).refunds());

        UUID unknown = UUID.randomUUID();
        String unknownKey = "ru-" + UUID.randomUUID();
        assertEquals(Reason.NOT_FOUND, assertThrows(PaymentException.class, () -> service.refund("staff",
                unknownKey, unknown, 100L, null, "staff")).reason());
        assertTrue(assertThrows(PaymentException.class, () -> service.refund("staff", unknownKey, unknown, 100L,
                null, "staff")).replay());
        assertEquals(1, count("select count(*) from refund where idempotency_key = '" + unknownKey + "'"
                + " and payment_id is null and status = 'REFUSED'"));
    }

    @Test
    void aDeclineIsRecordedWithTheIssuersReasonAndNothingToRefund() {
        Payment declined = service.charge(ORDERS, "order:" + UUID.randomUUID(), "order-d", new Money(100, "EUR"),
                "tok_chargeDeclined").payment();
        assertEquals(PaymentStatus.DECLINED, declined.status());
        assertEquals("card_declined", declined.declineReason());
        assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, assertThrows(PaymentException.class, () -> service.refund(
                "staff", "r-" + UUID.randomUUID(), declined.id(), 100L, null, "staff")).reason());
    }

    @Test
    void aProviderThatDoesNotAnswerLeavesAFailedPaymentThatTheSameKeyRetries() {
        String key = "order:" + UUID.randomUUID();
        Payment failed = service.charge(ORDERS, key, "order-t", new Money(100, "EUR"), "tok_processingError")
                .payment();
        assertEquals(PaymentStatus.FAILED, failed.status());
        assertEquals(0, service.payment(failed.id()).payment().refundable());
        Payment retried = service.charge(ORDERS, key, "order-t", new Money(100, "EUR"), "tok_processingError")
                .payment();
        assertEquals(failed.id(), retried.id());
        assertEquals(PaymentStatus.CAPTURED, retried.status());
    }
}
