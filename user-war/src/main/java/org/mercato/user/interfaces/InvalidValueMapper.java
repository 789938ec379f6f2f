package org.mercato.user.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** Value objects (email, address, country) refuse bad values with IllegalArgumentException: that is a 400. */
@Provider
public class InvalidValueMapper extends ProblemMapper<IllegalArgumentException> {

    @Override
    protected Problem problem(IllegalArgumentException e) {
        return Problem.of(400, "invalid-value", "Invalid value", e.getMessage());
    }
}
