package org.mercato.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (404 unknown path, 405, 401, 403, 415...) in the problem+json shape. */
@Provider
public class WebApplicationExceptionMapper extends ProblemMapper<WebApplicationException> {

    @Override
    protected Problem problem(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        // Jersey's default messages ("HTTP 404 Not Found") add nothing; a message set by our code does.
        String message = exception.getMessage();
        String detail = message == null || message.startsWith("HTTP " + status) ? null : message;
        Problem problem = Problem.of(status, slug, title, detail);
        for (String header : new String[]{"Allow", "WWW-Authenticate", "Retry-After"}) {
            String value = original.getHeaderString(header);
            if (value != null) {
                problem = problem.withHeader(header, value);
            }
        }
        return problem;
    }
}
