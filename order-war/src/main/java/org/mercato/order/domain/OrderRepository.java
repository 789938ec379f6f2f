package org.mercato.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where orders are kept. */
public interface OrderRepository {

    /** Inserts at once; fails if the customer already used the order's idempotency key. */
    void add(Order order);

    Optional<Order> find(UUID id);

    /** The order row locked for an update (a status change by staff or by an event). */
    Optional<Order> lock(UUID id);

    Optional<Order> findByKey(String customerId, String idempotencyKey);

    /** Whether an order that has not failed was placed from this version of the cart. */
    boolean cartOrdered(String cartId, long cartVersion);

    /**
     * The orders the search keeps, in its order, a page of {@code size} from page {@code page} (0 first).
     */
    List<Order> search(OrderSearch search, int page, int size);

    /** How many orders {@link #search} finds on all its pages. */
    long count(OrderSearch search);

    /**
     * Failed orders whose charge must still be checked (failed before {@code failedBefore}), and orders still
     * PENDING since before {@code pendingBefore} (their placing never finished).
     */
    List<UUID> paymentChecksDue(Instant failedBefore, Instant pendingBefore, int max);
}
