package org.mercato.platform.problem;

import jakarta.ws.rs.ext.Provider;

/** Value objects (email, money, country...) refuse bad values with IllegalArgumentException: that is a 400. */
@Provider
public class InvalidValueMapper extends ProblemMapper<IllegalArgumentException> {

    @Override
    protected Problem problem(IllegalArgumentException e) {
        return Problem.of(400, "invalid-value", "Invalid value", e.getMessage());
    }
}
