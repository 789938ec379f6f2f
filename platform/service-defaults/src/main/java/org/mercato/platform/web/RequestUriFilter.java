package org.mercato.platform.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mercato.platform.problem.Problem;

/**
 * The first check of every request to a service (mapped in web-fragment.xml, before JAX-RS and any other servlet):
 * a path or query string with a malformed percent-escape ({@code /refunds%zz}) or escaped bytes that are not UTF-8
 * ({@code ?q=%ED%A0%80}) is answered 400 problem+json here, whoever calls and whatever the method. Without it the
 * JAX-RS runtime answered a malformed path with an empty 200.
 */
public class RequestUriFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            String where = "path";
            String refusal = PercentEncoding.refusal(http.getRequestURI());
            if (refusal == null) {
                where = "query";
                refusal = PercentEncoding.refusal(http.getQueryString());
            }
            if (refusal != null) {
                refuse(answer, where, refusal);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Writes the problem itself: the container's error page would quote the very URI that is broken. */
    static void refuse(HttpServletResponse response, String where, String refusal) throws IOException {
        Problem problem = Problem.of(400, "validation", "Invalid request", "The request's " + where + " " + refusal)
                .withErrors(java.util.List.of(new Problem.FieldError(where, refusal)));
        response.resetBuffer();
        response.setStatus(400);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toJson(null));
        response.flushBuffer();
    }
}
