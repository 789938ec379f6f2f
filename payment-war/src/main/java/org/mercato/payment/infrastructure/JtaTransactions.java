package org.mercato.payment.infrastructure;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.mercato.payment.application.Transactions;

/** Each piece of work in a JTA transaction of its own (REQUIRES_NEW), committed when it returns. */
@ApplicationScoped
public class JtaTransactions implements Transactions {

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }
}
