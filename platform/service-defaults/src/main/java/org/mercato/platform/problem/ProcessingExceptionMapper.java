package org.mercato.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Jersey wraps body-reading failures in ProcessingException; unwrap to tell bad JSON and too-large bodies apart. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem.problem().toResponse(uriInfo == null ? null : uriInfo.getRequestUri());
            }
            if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
                return MalformedJsonMapper.malformed().toResponse(uriInfo == null ? null : uriInfo.getRequestUri());
            }
        }
        return UnexpectedErrorMapper.unexpected(exception, uriInfo);
    }
}
