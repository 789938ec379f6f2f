package org.mercato.payment.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentRepository;
import org.mercato.payment.domain.PaymentSearch;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.payment.domain.Refund;
import org.mercato.payment.domain.RefundStatus;

/**
 * Fakes behind the payment service's ports: an in-memory repository whose (caller, key) maps stand for the unique
 * indexes, and transactions that run one at a time and say whether one is open (so a fake provider can check that
 * none is). Every repository call outside a transaction fails, as it would in the container.
 */
final class InMemoryPayments implements PaymentRepository, Transactions {

    private final Map<UUID, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, UUID> paymentKeys = new ConcurrentHashMap<>();
    private final Map<UUID, Refund> refunds = new ConcurrentHashMap<>();
    private final Map<String, UUID> refundKeys = new ConcurrentHashMap<>();
    private final ReentrantLock database = new ReentrantLock();
    private final ThreadLocal<Boolean> open = ThreadLocal.withInitial(() -> false);
    int transactions;

    /** True while the current thread is inside a transaction. */
    boolean inTransaction() {
        return open.get();
    }

    /** True while any thread is inside a transaction (holds "the database"). */
    boolean anyTransactionOpen() {
        return database.isLocked();
    }

    @Override
    public <T> T inNewTransaction(Supplier<T> work) {
        if (open.get()) {
            throw new IllegalStateException("nested transaction");
        }
        database.lock();
        open.set(true);
        transactions++;
        try {
            return work.get();
        } finally {
            open.set(false);
            database.unlock();
        }
    }

    private void requireTransaction() {
        if (!open.get()) {
            throw new IllegalStateException("repository used outside a transaction");
        }
    }

    @Override
    public boolean add(Payment payment) {
        requireTransaction();
        if (paymentKeys.putIfAbsent(payment.caller() + "\n" + payment.idempotencyKey(), payment.id()) != null) {
            return false;
        }
        payments.put(payment.id(), payment);
        return true;
    }

    @Override
    public Optional<Payment> lockByKey(String caller, String key) {
        requireTransaction();
        return Optional.ofNullable(paymentKeys.get(caller + "\n" + key)).map(payments::get);
    }

    @Override
    public Optional<Payment> find(UUID id) {
        requireTransaction();
        return Optional.ofNullable(payments.get(id));
    }

    @Override
    public Optional<Payment> lock(UUID id) {
        return find(id);
    }

    @Override
    public List<Payment> forOrder(String orderId) {
        requireTransaction();
        return payments.values().stream().filter(p -> p.orderId().equals(orderId))
                .sorted(Comparator.comparing(Payment::createdAt)).toList();
    }

    @Override
    public List<Payment> search(PaymentSearch search, int page, int size) {
        requireTransaction();
        return payments.values().stream().filter(search::matches).sorted(search.comparator()).skip((long) page
                * size).limit(size).toList();
    }

    @Override
    public long count(PaymentSearch search) {
        requireTransaction();
        return payments.values().stream().filter(search::matches).count();
    }

    @Override
    public List<Payment> stalled(Instant before, int max) {
        requireTransaction();
        return payments.values().stream().filter(p -> p.status().inProgress() && p.updatedAt().isBefore(before))
                .limit(max).toList();
    }

    @Override
    public boolean addRefund(Refund refund) {
        requireTransaction();
        if (refundKeys.putIfAbsent(refund.caller() + "\n" + refund.idempotencyKey(), refund.id()) != null) {
            return false;
        }
        refunds.put(refund.id(), refund);
        return true;
    }

    @Override
    public Optional<Refund> refundByKey(String caller, String key) {
        requireTransaction();
        return Optional.ofNullable(refundKeys.get(caller + "\n" + key)).map(refunds::get);
    }

    @Override
    public Optional<Refund> refund(UUID id) {
        requireTransaction();
        return Optional.ofNullable(refunds.get(id));
    }

    @Override
    public Optional<Refund> lockRefund(UUID id) {
        return refund(id);
    }

    @Override
    public List<Refund> refundsOf(UUID paymentId) {
        requireTransaction();
        return refunds.values().stream().filter(r -> paymentId.equals(r.paymentId()) && r
                .status() != RefundStatus.REFUSED)
                .sorted(Comparator.comparing(Refund::createdAt)).toList();
    }

    @Override
    public List<Refund> refundsOf(Collection<UUID> paymentIds) {
        requireTransaction();
        return refunds.values().stream().filter(r -> r.paymentId() != null && paymentIds.contains(r.paymentId())
                && r.status() != RefundStatus.REFUSED)
                .sorted(Comparator.comparing(Refund::createdAt)).toList();
    }

    @Override
    public List<Refund> stalledRefunds(Instant before, int max) {
        requireTransaction();
        return refunds.values().stream().filter(r -> r.status() == RefundStatus.PENDING && r.updatedAt().isBefore(
                before)).limit(max).toList();
    }

    long count(PaymentStatus status) {
        return payments.values().stream().filter(p -> p.status() == status).count();
    }

    int paymentCount() {
        return payments.size();
    }
}
