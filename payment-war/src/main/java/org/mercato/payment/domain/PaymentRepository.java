package org.mercato.payment.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments in the service's database. */
public interface PaymentRepository {

    Optional<Payment> findByKey(String idempotencyKey);

    Optional<Payment> find(UUID id);

    /** Locked for a change (a refund): two refunds of one payment never both pass the limit. */
    Optional<Payment> lock(UUID id);

    List<Payment> forOrder(String orderId);

    /** Saves a new payment now; false if another request saved one under the same key first. */
    boolean add(Payment payment);
}
