package org.mercato.platform.ratelimit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Applies {@link RateLimited} to the resource methods that carry it. Runs after authentication and authorization,
 * so a caller's requests are counted only once they are known to be theirs.
 */
@Provider
@Priority(Priorities.USER - 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitSettings settings;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimited rateLimited = resource == null || resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (rateLimited == null) {
            return;
        }
        RateLimit limit = settings.limit(rateLimited.value(), rateLimited.byDefault());
        if (!limit.isOn()) {
            return;
        }
        String who = rateLimited.per() == RateLimited.Per.CALLER ? caller(request) : null;
        if (who == null) {
            String address = settings.clientAddress(servletRequest);
            if (settings.isExempt(address)) {
                return;
            }
            who = "address:" + address;
        }
        RateLimitDecision decision = limiter.tryTake(settings.keyPrefix() + rateLimited.value() + ":" + who, limit);
        if (!decision.allowed()) {
            request.abortWith(RateLimitDecision
                    .tooManyRequests(decision.retryAfterSeconds(),
                            "Too many requests of this kind; try again in " + decision.retryAfterSeconds()
                                    + " seconds")
                    .problem().toResponse(request.getUriInfo().getRequestUri()));
        }
    }

    private static String caller(ContainerRequestContext request) {
        var security = request.getSecurityContext();
        var principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return "subject:" + token.getSubject();
        }
        return principal == null ? null : "name:" + principal.getName();
    }
}
