package org.mercato.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProblemException exception) {
        return exception.problem().toResponse(uriInfo == null ? null : uriInfo.getRequestUri());
    }
}
