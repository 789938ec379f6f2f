package org.mercato.cart.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.cart.domain.CartException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** Cart refusals as problem+json. */
@Provider
public class CartProblemMapper extends ProblemMapper<CartException> {

    @Override
    protected Problem problem(CartException e) {
        return switch (e.status()) {
            case 404 -> Problem.of(404, "not-found", "Not found", e.getMessage());
            case 401 -> Problem.of(401, "unauthorized", "Sign in", e.getMessage());
            case 409 -> Problem.of(409, "cart-conflict", "Cart conflict", e.getMessage());
            case 422 -> Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage());
            case 503 -> Problem.of(503, "dependency-unavailable", "Try again shortly", e.getMessage());
            default -> Problem.of(400, "invalid-cart-request", "Invalid request", e.getMessage());
        };
    }
}
