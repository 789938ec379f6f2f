package org.mercato.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;

import org.junit.jupiter.api.Test;

class RefusalsTest {

    /** A service's own domain refusal, mapped by its own mapper (as inventory's InventoryException is). */
    static final class OutOfStock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfStock() {
            super("only 2 left");
        }
    }

    static final class OutOfStockMapper extends ProblemMapper<OutOfStock> {
        @Override
        protected Problem problem(OutOfStock e) {
            return Problem.of(409, "insufficient-stock", "Conflict", e.getMessage());
        }
    }

    /** JAX-RS's lookup of the mapper for an exception type, for the two mappers this test knows. */
    private static final Providers PROVIDERS = new Providers() {
        @Override
        @SuppressWarnings("unchecked")
        public <T extends Throwable> ExceptionMapper<T> getExceptionMapper(Class<T> type) {
            return (ExceptionMapper<T>) (type == OutOfStock.class
                    ? new OutOfStockMapper()
                    : new UnexpectedErrorMapper());
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
    void aServicesOwnRefusalIsSettledWithTheProblemItsMapperAnswers() {
        Problem problem = Refusals.settled(new OutOfStock(), PROVIDERS).orElseThrow();
        assertEquals(409, problem.status());
        assertEquals("https://mercato.dev/problems/insufficient-stock", problem.type());
        assertEquals("only 2 left", problem.detail());
    }

    @Test
    void platformRefusalsAreSettledWithoutProviders() {
        assertEquals(422, Refusals.settled(new ProblemException(Problem.of(422, "x", "X", "d")), null).orElseThrow()
                .status());
        assertEquals(404, Refusals.settled(new RefusedException(404, "not-found", "no order"), null).orElseThrow()
                .status());
    }

    @Test
    void outagesLimitsAndBugsAreNotSettled() {
        assertTrue(Refusals.settled(new IllegalStateException("bug"), PROVIDERS).isEmpty(), "500 is not a refusal");
        assertTrue(Refusals.settled(new RefusedException(503, "payments-unavailable", "down"), null).isEmpty());
        assertTrue(Refusals.settled(new RefusedException(429, "rate-limited", "slow down"), null).isEmpty());
        assertTrue(Refusals.settled(new ProblemException(Problem.of(409, "busy", "Conflict", "again")
                .withHeader("Retry-After", "1")), null).isEmpty(), "an answer with Retry-After passes");
        assertTrue(Refusals.settled(new OutOfStock(), null).isEmpty(), "no providers: only platform refusals");
        assertTrue(Refusals.settled(new ProblemException(DatabaseConflicts.concurrentUpdate()), null).isEmpty(),
                "a lost race may pass when sent again");
    }

    @Test
    void aStoredProblemReadsBackAsTheSameAnswer() {
        Problem problem = Problem.of(400, "validation", "Invalid request", "1 invalid field")
                .withErrors(List.of(new Problem.FieldError("adjustBy", "must be at least -1000000")));
        Problem read = Problem.parse(problem.toJson(null));
        URI instance = URI.create("http://shop.example/inventory/api/stock/SKU-1");
        assertEquals(problem.toJson(instance), read.toJson(instance));
        assertThrows(IllegalArgumentException.class, () -> Problem.parse("{\"status\":400}"));
        assertThrows(IllegalArgumentException.class, () -> Problem.parse("[]"));
    }
}
