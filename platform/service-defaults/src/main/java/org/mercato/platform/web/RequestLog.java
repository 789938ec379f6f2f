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
import org.mercato.platform.metrics.ShopMetrics;
import org.mercato.platform.tracing.RequestIds;

/**
 * Request lines for the operator: method, path, status, duration and caller; never headers, query strings or bodies,
 * which may carry tokens, passwords or card data. {@code mercato.http.request-log} says which requests get an INFO
 * line: {@code slow} (default: server errors and requests slower than {@code mercato.http.slow-request-ms}, 1,000 ms;
 * every other request at FINE, so the hot paths write nothing), {@code all} (every request, for tests and
 * debugging; {@code true} means the same) or {@code off} ({@code false}). A line names the request id the gateway
 * gave the request ({@code X-Request-Id}), which its JSON access log names too.
 * <p>
 * Every request is also counted in {@code mercato_http_requests_total} by status class ({@code 2xx} ... {@code 5xx})
 * and timed in {@code mercato_http_request_duration_seconds} ({@link ShopMetrics}): the request rate, error rate and
 * latency of each service on the dashboard.
 */
@Provider
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("org.mercato.requests");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    @Inject
    ShopMetrics metrics;

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
        long nanos = started instanceof Long t ? System.nanoTime() - t : -1;
        long millis = nanos < 0 ? -1 : nanos / 1_000_000;
        int status = response.getStatus();
        metrics.count("mercato.http.requests", "HTTP requests answered by this service's API, by status class",
                "status", STATUS_CLASSES[Math.max(1, Math.min(5, status / 100)) - 1]);
        if (nanos >= 0) {
            metrics.time("mercato.http.request.duration", "How long this service's API took to answer a request",
                    java.time.Duration.ofNanos(nanos));
        }
        Level level = level(mode, response.getStatus(), millis, slowMillis);
        if (level == null || !LOG.isLoggable(level)) {
            return;
        }
        var principal = request.getSecurityContext() == null
                ? null
                : request.getSecurityContext().getUserPrincipal();
        String requestId = RequestIds.current()
                .orElseGet(() -> RequestIds.sanitize(request.getHeaderString(RequestIds.HEADER)));
        LOG.log(level, String.format("%s %s -> %d in %d ms by %s, request %s", request.getMethod(),
                request.getUriInfo().getRequestUri().getPath(), response.getStatus(), millis,
                principal == null ? "anonymous" : principal.getName(), requestId == null ? "-" : requestId));
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
