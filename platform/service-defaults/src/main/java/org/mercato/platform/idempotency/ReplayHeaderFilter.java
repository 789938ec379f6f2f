package org.mercato.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Gives {@link IdempotencyInterceptor} the application's exception mappers for requests with an
 * {@code Idempotency-Key} (to record a refusal as the answer it is), and marks a replayed answer of an
 * {@link Idempotent} request with {@code Idempotent-Replayed: true}.
 */
@Provider
public class ReplayHeaderFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request attribute holding the JAX-RS {@link Providers} of a request with an Idempotency-Key. */
    static final String PROVIDERS = "mercato.idempotency-providers";

    @Context
    HttpServletRequest servletRequest;

    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (servletRequest != null && request.getHeaderString("Idempotency-Key") != null) {
            servletRequest.setAttribute(PROVIDERS, providers);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (servletRequest != null && servletRequest.getAttribute(IdempotencyInterceptor.REPLAYED) != null) {
            response.getHeaders().putSingle("Idempotent-Replayed", "true");
        }
    }
}
