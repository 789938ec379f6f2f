package org.mercato.platform.problem;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A {@code @Transactional} method whose commit failed: the interceptor throws a {@link TransactionalException}
 * around the transaction manager's {@code RollbackException}, whose cause is what the database refused. 409 for a
 * conflict the database decided ({@link DatabaseConflicts}), else the unexpected error's 500.
 */
@Provider
public class TransactionConflictMapper extends ProblemMapper<TransactionalException> {

    @Override
    protected Problem problem(TransactionalException exception) {
        return DatabaseConflicts.quietly(exception);
    }

    @Override
    public Response toResponse(TransactionalException exception) {
        return DatabaseConflicts.response(exception, uriInfo);
    }
}
