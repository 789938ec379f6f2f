package org.mercato.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Base of every exception mapper: turns an exception into a problem, answered for the request's path. */
public abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    UriInfo uriInfo;

    protected abstract Problem problem(E exception);

    /** {@link #problem} for an exception this mapper was chosen for (JAX-RS picks mappers by the exception's type). */
    @SuppressWarnings("unchecked")
    final Problem problemFor(Throwable exception) {
        return problem((E) exception);
    }

    @Override
    public Response toResponse(E exception) {
        return problem(exception).toResponse(uriInfo == null ? null : uriInfo.getRequestUri());
    }

    /** The first exception of the given type in the cause chain, or null. */
    protected static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
