package org.mercato.platform.problem;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A persistence failure thrown inside a transactional method (a flush, or a query that flushes first) or by a
 * resource-local commit ({@code jakarta.persistence.RollbackException}): 409 for a conflict the database decided
 * ({@link DatabaseConflicts}), else the unexpected error's 500.
 */
@Provider
public class PersistenceConflictMapper extends ProblemMapper<PersistenceException> {

    @Override
    protected Problem problem(PersistenceException exception) {
        return DatabaseConflicts.quietly(exception);
    }

    @Override
    public Response toResponse(PersistenceException exception) {
        return DatabaseConflicts.response(exception, uriInfo);
    }
}
