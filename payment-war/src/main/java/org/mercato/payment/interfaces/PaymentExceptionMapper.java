package org.mercato.payment.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.payment.domain.PaymentException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/**
 * Maps each domain reason a payment request was refused for to its HTTP status and problem type; a refusal answered
 * again from its Idempotency-Key gets {@code Idempotent-Replayed: true}.
 */
@Provider
public class PaymentExceptionMapper extends ProblemMapper<PaymentException> {

    @Override
    protected Problem problem(PaymentException e) {
        Problem problem = forReason(e);
        // a refusal kept under its Idempotency-Key and answered again says so, as a replayed success does
        return e.replay() ? problem.withHeader(PaymentResource.REPLAYED, "true") : problem;
    }

    private static Problem forReason(PaymentException e) {
        return switch (e.reason()) {
            case INVALID -> Problem.of(400, "invalid-payment", "Invalid request", e.getMessage());
            case NOT_FOUND -> Problem.of(404, "not-found", "Not found", e.getMessage());
            case KEY_REUSED -> Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage());
            case REQUEST_IN_PROGRESS -> Problem.of(409, "idempotency-request-in-progress", "Request in progress",
                    e.getMessage()).withHeader("Retry-After", "1");
            case PAYMENT_STATE -> Problem.of(409, "payment-state", "Conflict", e.getMessage());
            case REFUND_EXCEEDS_PAYMENT -> Problem.of(409, "refund-exceeds-payment", "Conflict", e.getMessage());
            case PROVIDER_UNAVAILABLE -> Problem.of(503, "payment-provider-unavailable", "Payment provider"
                    + " unavailable", e.getMessage()).withHeader("Retry-After", "2");
            case PROVIDER_REFUSED -> Problem.of(502, "payment-provider-refused", "Payment provider refused",
                    e.getMessage());
        };
    }
}
