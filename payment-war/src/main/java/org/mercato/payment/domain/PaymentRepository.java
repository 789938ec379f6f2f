package org.mercato.payment.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments and refunds in the service's database; every method runs inside the caller's (short) transaction. */
public interface PaymentRepository {

    /** Saves a new payment now; false if the same caller already has one under the same key (unique index). */
    boolean add(Payment payment);

    /** The caller's payment under the key, locked for a change. */
    Optional<Payment> lockByKey(String caller, String idempotencyKey);

    Optional<Payment> find(UUID id);

    /** Locked for a change: two refunds of one payment never both pass the limit. */
    Optional<Payment> lock(UUID id);

    List<Payment> forOrder(String orderId);

    /** The payments the search keeps, in its order, a page of {@code size} from page {@code page} (0 first). */
    List<Payment> search(PaymentSearch search, int page, int size);

    /** How many payments {@link #search} finds on all its pages. */
    long count(PaymentSearch search);

    /** Payments still AUTHORIZING or AUTHORIZED that have not changed since {@code before}. */
    List<Payment> stalled(Instant before, int max);

    /**
     * Saves a new refund (or a refused refund request) now; false if the same caller already has one under the same
     * key (unique index).
     */
    boolean addRefund(Refund refund);

    /** The caller's refund under the key, a REFUSED one included. */
    Optional<Refund> refundByKey(String caller, String idempotencyKey);

    Optional<Refund> refund(UUID id);

    /** The refund, read again and locked for a change (lock its payment first). */
    Optional<Refund> lockRefund(UUID id);

    /** The payment's refunds, oldest first; not REFUSED requests, which moved nothing. */
    List<Refund> refundsOf(UUID paymentId);

    /** The refunds of these payments (in one query), oldest first; not REFUSED requests. */
    List<Refund> refundsOf(Collection<UUID> paymentIds);

    /** Refunds still PENDING that have not changed since {@code before}. */
    List<Refund> stalledRefunds(Instant before, int max);
}
