package org.mercato.platform.problem;

import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper extends ProblemMapper<ProblemException> {

    @Override
    protected Problem problem(ProblemException exception) {
        return exception.problem();
    }
}
