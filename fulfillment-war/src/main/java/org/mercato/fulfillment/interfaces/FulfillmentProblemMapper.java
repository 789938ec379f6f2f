package org.mercato.fulfillment.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.fulfillment.domain.FulfillmentException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** Fulfillment refusals (unknown shipment, illegal step, bad query) as problem+json. */
@Provider
public class FulfillmentProblemMapper extends ProblemMapper<FulfillmentException> {

    @Override
    protected Problem problem(FulfillmentException e) {
        String title = switch (e.status()) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            default -> "Bad request";
        };
        return Problem.of(e.status(), e.type(), title, e.getMessage());
    }
}
