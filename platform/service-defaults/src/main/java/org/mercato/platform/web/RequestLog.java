package org.mercato.platform.web;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request lines for the operator: method, path, status, duration and caller; never headers, query strings or bodies,
 * which may carry tokens, passwords or card data. {@code mercato.http.request-log} says which requests get an INFO
 * line: {@code slow} (default: server errors and requests slower than {@code mercato.http.slow-request-ms}, 1,000 ms;
 * every other request at FINE, so the hot paths write nothing), {@code all} (every request, for tests and
 * debugging; {@code true} means the same) or {@code off} ({@code false}).
 */
@Provider
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("org.mercato.requests");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Inject
    @ConfigProperty(name = "mercato.http.request-log", defaultValue = "slow")
    String mode;

    @Inject
    @ConfigProperty(name = "mercato.http.slow-request-ms", defaultValue = "1000")
    long slowMillis;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long t ? (System.nanoTime() - t) / 1_000_000 : -1;
        Level level = level(mode, response.getStatus(), millis, slowMillis);
        if (level == null || !LOG.isLoggable(level)) {
            return;
        }
        var principal = request.getSecurityContext() == null
                ? null
                : request.getSecurityContext().getUserPrincipal();
        LOG.log(level, String.format("%s %s -> %d in %d ms by %s", request.getMethod(),
                request.getUriInfo().getRequestUri().getPath(), response.getStatus(), millis,
                principal == null ? "anonymous" : principal.getName()));
    }

    /**
     * The level of one request's line.
     *
     * @param millis the request's duration in milliseconds (-1 when unknown)
     * @return INFO, FINE, or null for no line at all
     */
    static Level level(String mode, int status, long millis, long slowMillis) {
        String chosen = mode == null ? "slow" : mode.strip().toLowerCase(Locale.ROOT);
        switch (chosen) {
            case "off", "false" -> {
                return null;
            }
            case "all", "true" -> {
                return Level.INFO;
            }
            default -> {
                return status >= 500 || millis >= slowMillis ? Level.INFO : Level.FINE;
            }
        }
    }
}
