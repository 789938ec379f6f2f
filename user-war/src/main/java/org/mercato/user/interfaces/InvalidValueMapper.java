package org.mercato.user.interfaces;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.problem.Problem;

/** Value objects (email, address, country) refuse bad values with IllegalArgumentException: that is a 400. */
@Provider
public class InvalidValueMapper implements ExceptionMapper<IllegalArgumentException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Problem.of(400, "invalid-value", "Invalid value", e.getMessage())
                .toResponse(uriInfo == null ? null : uriInfo.getRequestUri());
    }
}
