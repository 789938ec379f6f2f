package org.mercato.platform.problem;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything unforeseen: the operator gets the stack trace in the log under an error id, the client only the id.
 */
@Provider
public class UnexpectedErrorMapper extends ProblemMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    protected Problem problem(Throwable exception) {
        return unexpected(exception, uriInfo);
    }

    static Problem unexpected(Throwable exception, UriInfo uriInfo) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + errorId + " on "
                + (uriInfo == null ? "?" : uriInfo.getRequestUri().getPath()), exception);
        return Problem.of(500, "unexpected", "Internal error",
                "An unexpected error occurred; quote error id " + errorId + " to the operator");
    }
}
