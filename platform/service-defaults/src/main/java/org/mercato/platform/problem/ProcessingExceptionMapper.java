package org.mercato.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;

/** Jersey wraps body-reading failures in ProcessingException; unwrap to tell bad JSON and too-large bodies apart. */
@Provider
public class ProcessingExceptionMapper extends ProblemMapper<ProcessingException> {

    @Override
    protected Problem problem(ProcessingException exception) {
        ProblemException problem = cause(exception, ProblemException.class);
        if (problem != null) {
            return problem.problem();
        }
        if (cause(exception, JsonbException.class) != null || cause(exception, JsonParsingException.class) != null) {
            return MalformedJsonMapper.malformed();
        }
        return UnexpectedErrorMapper.unexpected(exception, uriInfo);
    }
}
