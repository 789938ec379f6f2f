package org.mercato.platform.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.mercato.platform.tracing.RequestIds;

/**
 * Makes the gateway's {@code X-Request-Id} the request id of the thread serving the request ({@link RequestIds}),
 * for the API and the console alike; a missing or malformed one leaves none. Mapped to every path in
 * service-defaults' web-fragment.xml.
 */
public class RequestIdFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = request instanceof HttpServletRequest http
                ? RequestIds.sanitize(http.getHeader(RequestIds.HEADER))
                : null;
        try (RequestIds.Scope scope = RequestIds.open(id)) {
            chain.doFilter(request, response);
        }
    }
}
