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
        String parameter = badParameter(exception);
        if (parameter != null) {
            // JAX-RS answers a query or header parameter it cannot convert ("size=abc") with 404: it is a bad request
            return Problem.of(400, "validation", "Invalid request", "The request has 1 invalid parameter(s)")
                    .withErrors(java.util.List.of(new Problem.FieldError(parameter,
                            "is not a valid value for this parameter")));
        }
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

    /**
     * The name of the query, header, form or matrix parameter Jersey failed to convert, or null. Path parameters
     * that fail to convert stay 404 (no such resource), as the JAX-RS specification has them.
     */
    static String badParameter(WebApplicationException exception) {
        for (Class<?> c = exception.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.glassfish.jersey.server.ParamException")) {
                if (exception.getClass().getSimpleName().equals("PathParamException")) {
                    return null;
                }
                try {
                    Object name = c.getMethod("getParameterName").invoke(exception);
                    return name == null ? "parameter" : name.toString().replaceAll("[^A-Za-z0-9_.-]", "?");
                } catch (ReflectiveOperationException e) {
                    return "parameter";
                }
            }
        }
        return null;
    }
}
