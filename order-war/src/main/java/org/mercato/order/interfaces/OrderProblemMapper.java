package org.mercato.order.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.order.application.OrderException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** Order refusals as problem+json; "in progress" says when to ask again. */
@Provider
public class OrderProblemMapper extends ProblemMapper<OrderException> {

    @Override
    protected Problem problem(OrderException e) {
        String title = switch (e.status()) {
            case 402 -> "Payment declined";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable request";
            case 503 -> "Service unavailable";
            default -> "Invalid order";
        };
        Problem problem = Problem.of(e.status(), e.type(), title, e.getMessage());
        return "order-in-progress".equals(e.type()) || e.status() == 503
                ? problem.withHeader("Retry-After", "2")
                : problem;
    }
}
