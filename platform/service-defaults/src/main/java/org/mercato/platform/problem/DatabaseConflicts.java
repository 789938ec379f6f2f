package org.mercato.platform.problem;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Conflicts the database decides rather than the service's own checks: another request updated the same row first
 * (optimistic locking) or took the same unique value at the same time (a unique constraint, SQLState 23505). Both
 * are 409s the client can act on, not server errors. Found anywhere in the cause chain, since they arrive wrapped
 * by the persistence provider, the transaction manager, the interceptor or the EJB container.
 */
public final class DatabaseConflicts {

    /** PostgreSQL's (and the SQL standard's) SQLState for a unique constraint violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    /** EclipseLink's own exception, when it arrives untranslated (by name: the platform does not depend on it). */
    private static final String ECLIPSELINK_OPTIMISTIC_LOCK = "org.eclipse.persistence.exceptions.OptimisticLockException";

    /** Longest cause chain followed: a loop of causes must not hang the error path. */
    private static final int MAX_DEPTH = 50;

    private DatabaseConflicts() {
    }

    /** The problem type slug of {@link #concurrentUpdate()}. */
    public static final String CONCURRENT_UPDATE = "concurrent-update";

    /** The 409 for a row another request changed between this request's read and its write. */
    public static Problem concurrentUpdate() {
        return Problem.of(409, CONCURRENT_UPDATE, "Changed meanwhile",
                "changed by another request meanwhile; read it again and retry");
    }

    /** The 409 for a unique value (a name, a slug, a SKU...) another request stored first. */
    public static Problem duplicate() {
        return Problem.of(409, "duplicate", "Already in use",
                "a value that must be unique was stored by another request meanwhile; read it again and choose another");
    }

    /** Whether the exception, or one of its causes, is an optimistic locking failure. */
    public static boolean isConcurrentUpdate(Throwable exception) {
        int depth = 0;
        for (Throwable cause = exception; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof OptimisticLockException
                    || cause.getClass().getName().equals(ECLIPSELINK_OPTIMISTIC_LOCK)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The unique constraint violation among the exception's causes (and a batch's next exceptions), or null. Its
     * message names the constraint, never shown to clients (it may quote the value).
     */
    public static SQLException uniqueViolation(Throwable exception) {
        int depth = 0;
        for (Throwable cause = exception; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql) {
                // a batch update carries the statement's own failure as its next exception
                for (SQLException next = sql; next != null
                        && depth < MAX_DEPTH; next = next.getNextException(), depth++) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return next;
                    }
                }
            }
        }
        return null;
    }

    /** The 409 problem for a conflict the database decided, or empty for anything else. */
    public static Optional<Problem> problem(Throwable exception) {
        if (isConcurrentUpdate(exception)) {
            return Optional.of(concurrentUpdate());
        }
        if (uniqueViolation(exception) != null) {
            return Optional.of(duplicate());
        }
        return Optional.empty();
    }

    /**
     * What a mapper answers without writing to the log: the conflict, or a plain 500 for anything else. Used by
     * {@link Refusals} (through {@link ProblemMapper#problemFor}), which keeps only 4xx refusals; the answer itself
     * comes from {@link #response}, which logs the unexpected.
     */
    static Problem quietly(Throwable exception) {
        return problem(exception).orElseGet(() -> Problem.of(500, "unexpected", "Internal error",
                "An unexpected error occurred"));
    }

    /** The answer: the conflict's 409, or exactly what {@link UnexpectedErrorMapper} answers (logged, error id). */
    static Response response(Throwable exception, UriInfo uriInfo) {
        Problem problem = problem(exception).orElseGet(() -> UnexpectedErrorMapper.unexpected(exception, uriInfo));
        return problem.toResponse(uriInfo == null ? null : uriInfo.getRequestUri());
    }
}
