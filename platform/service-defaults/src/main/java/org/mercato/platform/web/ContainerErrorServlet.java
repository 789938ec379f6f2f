package org.mercato.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mercato.platform.problem.Problem;

/**
 * The error page (see web-fragment.xml) for errors the container sends before JAX-RS runs, e.g. a bearer token
 * MP-JWT refused: it writes the same problem+json as the API instead of an HTML page.
 */
public class ContainerErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String title = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "HTTP " + status;
        };
        String detail = status == 401 ? "A valid bearer token is required" : null;
        Problem problem = Problem.of(status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, detail);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401 && response.getHeader("WWW-Authenticate") == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(problem.toJson(instance(path)));
    }

    /** The failed request's path, or null when it is not a valid URI (a malformed escape must not fail the page). */
    static URI instance(Object path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(String.valueOf(path));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
