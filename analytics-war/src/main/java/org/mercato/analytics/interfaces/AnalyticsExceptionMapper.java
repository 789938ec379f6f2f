package org.mercato.analytics.interfaces;

import java.util.List;

import jakarta.ws.rs.ext.Provider;

import org.mercato.analytics.domain.AnalyticsException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/**
 * A report request with a bad parameter: 400 {@code invalid-report-request}, the parameter named in the detail and
 * in {@code errors} (as the staff lists' {@code TimeWindow} and {@code Paging} name theirs).
 */
@Provider
public class AnalyticsExceptionMapper extends ProblemMapper<AnalyticsException> {

    @Override
    protected Problem problem(AnalyticsException e) {
        return Problem.of(400, "invalid-report-request", "Invalid request", e.getMessage())
                .withErrors(List.of(new Problem.FieldError(e.parameter(), e.problem())));
    }
}
