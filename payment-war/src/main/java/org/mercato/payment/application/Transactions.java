package org.mercato.payment.application;

import java.util.function.Supplier;

/**
 * Port: runs a piece of work in a database transaction of its own, committed when it returns. The payment service
 * records each step this way, so no transaction (and no row lock) is ever open while the provider is asked.
 */
public interface Transactions {

    /** Runs {@code work} in a new transaction and commits it (rolls it back if it throws). */
    <T> T inNewTransaction(Supplier<T> work);
}
