package org.mercato.storefront;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The storefront only reads: GET, HEAD and OPTIONS reach its pages, files and documents. Any other method gets 405
 * Method Not Allowed with {@code Allow: GET, HEAD, OPTIONS} (RFC 9110 §15.5.6) and a problem+json body (RFC 9457)
 * here, first in the chain, before a servlet or the container's default servlet (static files) sees it: they would
 * answer the container's HTML error page (or 403 for a PUT of a file).
 */
public class ReadOnlyMethods extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final byte[] PROBLEM = ("{\"type\":\"https://mercato.dev/problems/method-not-allowed\","
            + "\"title\":\"Method Not Allowed\",\"status\":405,"
            + "\"detail\":\"The shop's pages and files are only read: GET, HEAD or OPTIONS.\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!ReadOnlyServlet.serves(request.getMethod())) {
            refuse(response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Writes the 405 answer: status, {@code Allow}, the problem body. */
    static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", ReadOnlyServlet.ALLOW);
        response.setContentType("application/problem+json");
        response.setContentLength(PROBLEM.length);
        response.getOutputStream().write(PROBLEM);
    }
}
