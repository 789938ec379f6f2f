package org.mercato.cart.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.cart.application.DependencyUnavailableException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** Adding to a cart needs the catalog: when it does not answer, a clear 503 rather than a guess. */
@Provider
public class DependencyProblemMapper extends ProblemMapper<DependencyUnavailableException> {

    @Override
    protected Problem problem(DependencyUnavailableException e) {
        return Problem.of(503, "dependency-unavailable", "Try again shortly", e.getMessage());
    }
}
