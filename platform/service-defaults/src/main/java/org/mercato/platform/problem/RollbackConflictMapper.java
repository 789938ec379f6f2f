package org.mercato.platform.problem;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A JTA commit that rolled back, as it reaches JAX-RS from a {@code UserTransaction.commit()} or unwrapped from an
 * {@code EJBException} (Jersey hands an EJB's failure's cause to that cause's mapper): 409 for a conflict the
 * database decided ({@link DatabaseConflicts}), else the unexpected error's 500.
 */
@Provider
public class RollbackConflictMapper extends ProblemMapper<RollbackException> {

    @Override
    protected Problem problem(RollbackException exception) {
        return DatabaseConflicts.quietly(exception);
    }

    @Override
    public Response toResponse(RollbackException exception) {
        return DatabaseConflicts.response(exception, uriInfo);
    }
}
