package org.mercato.analytics.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.analytics.domain.AnalyticsException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** Refused report requests as problem+json. */
@Provider
public class AnalyticsProblemMapper extends ProblemMapper<AnalyticsException> {

    @Override
    protected Problem problem(AnalyticsException e) {
        String title = switch (e.status()) {
            case 404 -> "Not found";
            default -> "Invalid report request";
        };
        return Problem.of(e.status(), e.type(), title, e.getMessage());
    }
}
