package org.mercato.order.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.mercato.order.application.OrderService;
import org.mercato.platform.ratelimit.RateLimited;
import org.mercato.platform.security.Roles;

/**
 * {@code POST /orders/api/quotes {cartId, country}}: what an order placed from the caller's cart would charge,
 * priced as placing prices it, so checkout shows the total that will be charged. Nothing is held, charged or saved.
 * Refusals as placing answers them: 400 malformed, 404 an unknown or someone else's cart, 409 an empty cart or an
 * item no longer sold, 422 a country the shop does not ship to, 503 cart or catalog not answering.
 */
@Path("quotes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource {

    @Inject
    OrderService placing;

    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    @RateLimited(value = "orders.quotes-per-customer", per = RateLimited.Per.CALLER, byDefault = "60/60")
    @Consumes(MediaType.APPLICATION_JSON)
    public QuoteView quote(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull OrderRequests.Quote body) {
        return QuoteView.of(placing.quote(body.cartId, body.country, authorization));
    }
}
