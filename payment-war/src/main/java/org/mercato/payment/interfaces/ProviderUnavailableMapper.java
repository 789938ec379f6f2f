package org.mercato.payment.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** The provider timed out, kept failing, or its circuit is open: a clear 503, and nothing was charged. */
@Provider
public class ProviderUnavailableMapper extends ProblemMapper<FaultToleranceException> {

    @Override
    protected Problem problem(FaultToleranceException e) {
        return Problem.of(503, "payment-provider-unavailable", "Payment provider unavailable",
                "the payment provider did not answer in time; nothing was charged, try again")
                .withHeader("Retry-After", "5");
    }
}
