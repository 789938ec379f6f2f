package org.mercato.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON we expect: 400, without echoing parser internals. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonbException exception) {
        // the body-size limit fails the read from inside the parser: report that, not "malformed"
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem.problem().toResponse(uriInfo == null ? null : uriInfo.getRequestUri());
            }
        }
        return malformed().toResponse(uriInfo == null ? null : uriInfo.getRequestUri());
    }

    static Problem malformed() {
        return Problem.of(400, "malformed-json", "Malformed request body",
                "The request body is not valid JSON for this resource");
    }
}
