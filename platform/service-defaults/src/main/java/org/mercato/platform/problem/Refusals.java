package org.mercato.platform.problem;

import java.util.Optional;

import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;

/**
 * Tells a service's settled refusal of a request from a passing failure, with the problem the client is answered.
 * A refusal is a 4xx the same request would get again from the same state (400, 402, 403, 404, 409, 422...); a
 * 5xx, a 408, a 429, a lost race ({@code concurrent-update}) or any answer with {@code Retry-After} says "ask
 * again later" and is not one.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The problem an exception is answered with when it is a settled refusal, found by the exception mapper JAX-RS
     * would use for it (so each service's own domain refusals count, whatever their class).
     *
     * @param providers the application's JAX-RS providers, or null to know only {@link ProblemException} and
     *        {@link RefusedException}
     * @return the problem (status 400-499), or empty for an error, an outage or a limit that passes
     */
    public static Optional<Problem> settled(Throwable exception, Providers providers) {
        Problem problem = null;
        if (exception instanceof ProblemException e) {
            problem = e.problem();
        } else if (exception instanceof RefusedException e) {
            problem = new RefusedExceptionMapper().problem(e);
        } else if (providers != null && exception instanceof Exception) {
            ExceptionMapper<?> mapper = providers.getExceptionMapper(exception.getClass());
            if (mapper instanceof ProblemMapper<?> known && !(mapper instanceof UnexpectedErrorMapper)
                    && !(mapper instanceof ProcessingExceptionMapper)) {
                problem = known.problemFor(exception);
            }
        }
        if (problem == null) {
            return Optional.empty();
        }
        int status = problem.status();
        // a lost race (the row changed meanwhile) is not the request's fault: the same request may pass next time
        boolean passing = status == 408 || status == 429 || problem.header("Retry-After") != null
                || problem.type().endsWith("/" + DatabaseConflicts.CONCURRENT_UPDATE);
        return status >= 400 && status < 500 && !passing ? Optional.of(problem) : Optional.empty();
    }
}
