package org.mercato.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentException;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.payment.domain.Refund;
import org.mercato.payment.infrastructure.JpaPaymentRepository;
import org.mercato.payment.infrastructure.SandboxPaymentProvider;
import org.mercato.platform.money.Money;
import org.mercato.platform.testing.PostgresUnit;

/** Charges and refunds on a real PostgreSQL with the sandbox processor: one charge per key, whatever happens. */
class PaymentServiceIT {

    private static PostgresUnit db;
    private static final SandboxPaymentProvider SANDBOX = new SandboxPaymentProvider();
    private static final List<String> REFUNDS_ANNOUNCED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("payments-it", "payments", PaymentServiceIT.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static <T> T inTransaction(Function<PaymentService, T> work) {
        List<T> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(work.apply(new PaymentService(new JpaPaymentRepository(em), SANDBOX,
                (payment, refund) -> REFUNDS_ANNOUNCED.add(payment.id() + ":" + refund.amount()),
                Clock.systemUTC()))));
        return result.get(0);
    }

    private static long count(String sql) {
        List<Long> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(((Number) em.createNativeQuery(sql).getSingleResult()).longValue()));
        return result.get(0);
    }

    @Test
    void aReplayedKeyReturnsTheFirstPaymentAndADifferentRequestIsRefused() {
        String key = "order-a:" + UUID.randomUUID();
        PaymentService.Charge first = inTransaction(s -> s.charge(key, "order-a", new Money(4200, "EUR"), "tok_visa"));
        PaymentService.Charge again = inTransaction(s -> s.charge(key, "order-a", new Money(4200, "EUR"),
                "tok_visa"));
        assertFalse(first.replay());
        assertTrue(again.replay());
        assertEquals(first.payment().id(), again.payment().id());
        assertEquals(PaymentStatus.CAPTURED, again.payment().status());
        assertEquals(422, assertThrows(PaymentException.class,
                () -> inTransaction(s -> s.charge(key, "order-a", new Money(4300, "EUR"), "tok_visa"))).status());
        assertEquals(1, count("select count(*) from payment where idempotency_key = '" + key + "'"));
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOnePayment() throws Exception {
        String key = "order-c:" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<UUID>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> inTransaction(s -> s.charge(key, "order-c", new Money(999, "EUR"),
                    "tok_visa")).payment().id()));
        }
        UUID id = results.get(0).get();
        for (Future<UUID> result : results) {
            assertEquals(id, result.get());
        }
        pool.shutdown();
        assertEquals(1, count("select count(*) from payment where idempotency_key = '" + key + "'"));
    }

    @Test
    void aDeclineIsRecordedWithTheIssuersReasonAndNothingToRefund() {
        String key = "order-d:" + UUID.randomUUID();
        Payment declined = inTransaction(s -> s.charge(key, "order-d", new Money(100, "EUR"), "tok_chargeDeclined"))
                .payment();
        assertEquals(PaymentStatus.DECLINED, declined.status());
        assertEquals("card_declined", declined.declineReason());
        assertEquals(409, assertThrows(PaymentException.class,
                () -> inTransaction(s -> s.refund(declined.id(), 100L, null, "staff"))).status());
    }

    @Test
    void refundsAreLimitedToWhatWasTakenAndAnnounced() {
        String key = "order-r:" + UUID.randomUUID();
        Payment payment = inTransaction(s -> s.charge(key, "order-r", new Money(5000, "EUR"), "tok_visa")).payment();
        Refund part = inTransaction(s -> s.refund(payment.id(), 1500L, "scratched", "staff@mercato.test"));
        assertEquals(1500, part.amount());
        assertEquals(409, assertThrows(PaymentException.class,
                () -> inTransaction(s -> s.refund(payment.id(), 3501L, null, "staff"))).status());
        Refund rest = inTransaction(s -> s.refund(payment.id(), null, "returned", "staff"));
        assertEquals(3500, rest.amount());
        Payment after = inTransaction(s -> s.payment(payment.id()));
        assertEquals(PaymentStatus.REFUNDED, after.status());
        assertEquals(2, after.refunds().size());
        assertTrue(REFUNDS_ANNOUNCED.contains(payment.id() + ":1500"));
        assertTrue(REFUNDS_ANNOUNCED.contains(payment.id() + ":3500"));
    }

    @Test
    void badRequestsChargeNothing() {
        long before = count("select count(*) from payment");
        for (Runnable bad : List.<Runnable>of(
                () -> inTransaction(s -> s.charge(null, "order-x", new Money(100, "EUR"), "tok_visa")),
                () -> inTransaction(s -> s.charge("k-" + UUID.randomUUID(), "order x", new Money(100, "EUR"),
                        "tok_visa")),
                () -> inTransaction(s -> s.charge("k-" + UUID.randomUUID(), "order-x", new Money(0, "EUR"),
                        "tok_visa")),
                () -> inTransaction(s -> s.charge("k-" + UUID.randomUUID(), "order-x", new Money(100, "EUR"),
                        "4242424242424242")))) {
            assertEquals(400, assertThrows(PaymentException.class, bad::run).status());
        }
        assertEquals(before, count("select count(*) from payment"));
    }
}
