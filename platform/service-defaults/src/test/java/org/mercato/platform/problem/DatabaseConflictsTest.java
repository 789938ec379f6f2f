package org.mercato.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conflicts the database decides, wrapped as they reach JAX-RS in Payara: EclipseLink's exceptions inside the
 * transaction manager's RollbackException inside the interceptor's TransactionalException, a flush's
 * PersistenceException, a resource-local commit's RollbackException, an EJB's EJBException.
 */
class DatabaseConflictsTest {

    /** Stands in for EclipseLink's own exceptions (EclipseLink-5006, -4002), which the platform does not have. */
    static final class ProviderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger(UnexpectedErrorMapper.class.getName()).addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger(UnexpectedErrorMapper.class.getName()).removeHandler(capture);
    }

    /** What the JTA transaction manager throws when a synchronization's flush at commit failed. */
    private static RollbackException rolledBackBy(Throwable cause) {
        RollbackException rollback = new RollbackException("Transaction marked for rollback.");
        rollback.initCause(cause);
        return rollback;
    }

    /** What the CDI {@code @Transactional} interceptor throws when the commit fails. */
    private static TransactionalException commitFailed(Throwable cause) {
        return new TransactionalException("Managed bean with Transactional annotation and TxType of REQUIRED "
                + "encountered exception during commit " + cause, cause);
    }

    private static OptimisticLockException lostUpdate() {
        return new OptimisticLockException(new ProviderException("Exception [EclipseLink-5006]: The object "
                + "[Product] cannot be updated because it has changed or been deleted since it was last read.",
                null));
    }

    private static PersistenceException duplicateKey() {
        SQLException psql = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"variant_sku_key\"", "23505");
        return new PersistenceException("Exception [EclipseLink-4002]",
                new ProviderException("Internal Exception: " + psql, psql));
    }

    private static JsonObject body(Response response) {
        return Json.createReader(new StringReader((String) response.getEntity())).readObject();
    }

    private static void assertConflict(String slug, Response response) {
        assertEquals(409, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("https://mercato.dev/problems/" + slug, body(response).getString("type"));
    }

    @Test
    void aLostOptimisticLockAtCommitIs409ConcurrentUpdate() {
        Response response = new TransactionConflictMapper().toResponse(commitFailed(rolledBackBy(lostUpdate())));
        assertConflict("concurrent-update", response);
        assertEquals("changed by another request meanwhile; read it again and retry",
                body(response).getString("detail"));
        assertTrue(logged.isEmpty(), "a conflict is no error for the operator's log");
    }

    @Test
    void aUniqueViolationAtCommitIs409Duplicate() {
        Response response = new TransactionConflictMapper().toResponse(commitFailed(rolledBackBy(duplicateKey())));
        assertConflict("duplicate", response);
        assertTrue(!body(response).getString("detail").contains("variant_sku_key"),
                "the database's words stay on the server");
    }

    @Test
    void aConflictAtAFlushInsideTheMethodIs409() {
        assertConflict("duplicate", new PersistenceConflictMapper().toResponse(duplicateKey()));
        assertConflict("concurrent-update", new PersistenceConflictMapper().toResponse(lostUpdate()));
        // a resource-local commit
        assertConflict("concurrent-update", new PersistenceConflictMapper().toResponse(
                new jakarta.persistence.RollbackException("Transaction rolled back", lostUpdate())));
    }

    @Test
    void aRollbackExceptionUnwrappedFromAnEjbIs409() {
        assertConflict("concurrent-update", new RollbackConflictMapper().toResponse(rolledBackBy(lostUpdate())));
        assertConflict("duplicate", new RollbackConflictMapper().toResponse(rolledBackBy(duplicateKey())));
    }

    @Test
    void conflictsAreFoundInsideAnEjbException() {
        assertEquals(409, DatabaseConflicts.problem(new EJBException(rolledBackBy(lostUpdate()))).orElseThrow()
                .status());
        assertEquals("https://mercato.dev/problems/duplicate", DatabaseConflicts.problem(
                new EJBException("commit failed", rolledBackBy(duplicateKey()))).orElseThrow().type());
    }

    @Test
    void aBatchsOwnFailureIsItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into variant was aborted",
                "23000", new int[0]);
        batch.setNextException(new SQLException("duplicate key value", "23505"));
        assertNotNull(DatabaseConflicts.uniqueViolation(new PersistenceException(batch)));
    }

    @Test
    void anythingElseIsStillTheUnexpected500WithItsErrorIdInTheLog() {
        Response timedOut = new TransactionConflictMapper().toResponse(commitFailed(
                new RollbackException("Transaction timed out")));
        assertEquals(500, timedOut.getStatus());
        assertEquals("https://mercato.dev/problems/unexpected", body(timedOut).getString("type"));
        assertTrue(body(timedOut).getString("detail").contains("error id"));
        Response otherConstraint = new PersistenceConflictMapper().toResponse(new PersistenceException(
                new SQLException("violates foreign key constraint", "23503")));
        assertEquals(500, otherConstraint.getStatus());
        assertEquals(2, logged.size(), "each logged once, with its stack trace");
        assertNotNull(logged.get(0).getThrown());
    }

    /** A wrapper whose cause is set later (some libraries override getCause), so causes can make a loop. */
    static final class Looping extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private Throwable cause;

        @Override
        public synchronized Throwable getCause() {
            return cause;
        }
    }

    @Test
    void aLoopOfCausesEnds() {
        Looping first = new Looping();
        Looping second = new Looping();
        first.cause = second;
        second.cause = first;
        assertTrue(DatabaseConflicts.problem(new PersistenceException(first)).isEmpty());
    }

    /** The lookup JAX-RS makes, with the platform's mappers for these types. */
    private static final Providers PROVIDERS = new Providers() {
        @Override
        @SuppressWarnings("unchecked")
        public <T extends Throwable> ExceptionMapper<T> getExceptionMapper(Class<T> type) {
            if (PersistenceException.class.isAssignableFrom(type)) {
                return (ExceptionMapper<T>) new PersistenceConflictMapper();
            }
            if (TransactionalException.class.isAssignableFrom(type)) {
                return (ExceptionMapper<T>) new TransactionConflictMapper();
            }
            return (ExceptionMapper<T>) new UnexpectedErrorMapper();
        }

        @Override
        public <T> MessageBodyReader<T> getMessageBodyReader(Class<T> type, Type generic, Annotation[] annotations,
                MediaType mediaType) {
            return null;
        }

        @Override
        public <T> MessageBodyWriter<T> getMessageBodyWriter(Class<T> type, Type generic, Annotation[] annotations,
                MediaType mediaType) {
            return null;
        }

        @Override
        public <T> ContextResolver<T> getContextResolver(Class<T> contextType, MediaType mediaType) {
            return null;
        }
    };

    @Test
    void forIdempotentRequestsALostUniqueRaceIsASettledRefusalAndAnErrorIsNotLoggedTwice() {
        assertEquals(409, Refusals.settled(commitFailed(rolledBackBy(duplicateKey())), PROVIDERS).orElseThrow()
                .status());
        assertTrue(Refusals.settled(new PersistenceException("connection refused"), PROVIDERS).isEmpty());
        assertTrue(logged.isEmpty(), "the answer's mapper logs it, once, with the error id the client gets");
    }
}
