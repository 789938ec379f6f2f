package org.mercato.payment.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.payment.domain.PaymentException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** Payment refusals as problem+json. */
@Provider
public class PaymentProblemMapper extends ProblemMapper<PaymentException> {

    @Override
    protected Problem problem(PaymentException e) {
        String title = switch (e.status()) {
            case 402 -> "Payment declined";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 422 -> "Idempotency key reused";
            case 503 -> "Payment provider unavailable";
            default -> "Invalid payment";
        };
        return Problem.of(e.status(), e.type(), title, e.getMessage());
    }
}
