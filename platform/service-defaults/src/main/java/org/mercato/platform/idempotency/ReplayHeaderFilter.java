package org.mercato.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Marks a replayed answer of an {@link Idempotent} request with {@code Idempotent-Replayed: true}. */
@Provider
public class ReplayHeaderFilter implements ContainerResponseFilter {

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (servletRequest != null && servletRequest.getAttribute(IdempotencyInterceptor.REPLAYED) != null) {
            response.getHeaders().putSingle("Idempotent-Replayed", "true");
        }
    }
}
