package org.mercato.platform.web;

import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One line per API request for the operator: method, path, status, duration and caller. Never headers, query
 * strings or bodies, which may carry tokens, passwords or card data.
 */
@Provider
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("org.mercato.requests");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Inject
    @ConfigProperty(name = "mercato.http.request-log", defaultValue = "true")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!enabled) {
            return;
        }
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long t ? (System.nanoTime() - t) / 1_000_000 : -1;
        var principal = request.getSecurityContext() == null
                ? null
                : request.getSecurityContext().getUserPrincipal();
        LOG.info(() -> String.format("%s %s -> %d in %d ms by %s", request.getMethod(),
                request.getUriInfo().getRequestUri().getPath(), response.getStatus(), millis,
                principal == null ? "anonymous" : principal.getName()));
    }
}
