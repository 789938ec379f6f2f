package org.mercato.order.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.order.application.DependencyUnavailableException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** Another service did not answer where no order was started yet (e.g. the cart): a clear 503, try again. */
@Provider
public class DependencyProblemMapper extends ProblemMapper<DependencyUnavailableException> {

    @Override
    protected Problem problem(DependencyUnavailableException e) {
        return Problem.of(503, e.service() + "-unavailable", "Service unavailable", e.getMessage()
                + "; nothing was ordered, try again").withHeader("Retry-After", "2");
    }
}
