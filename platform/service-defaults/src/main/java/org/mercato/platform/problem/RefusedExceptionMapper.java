package org.mercato.platform.problem;

import jakarta.ws.rs.ext.Provider;

/** Every service's refusals ({@link RefusedException} and its subclasses) as problem+json. */
@Provider
public class RefusedExceptionMapper extends ProblemMapper<RefusedException> {

    @Override
    protected Problem problem(RefusedException e) {
        Problem problem = Problem.of(e.status(), e.type(), e.title(), e.getMessage());
        Integer retryAfter = e.retryAfterSeconds();
        return retryAfter == null ? problem : problem.withHeader("Retry-After", retryAfter.toString());
    }
}
