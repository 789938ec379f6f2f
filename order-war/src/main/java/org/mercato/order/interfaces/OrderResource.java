package org.mercato.order.interfaces;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mercato.order.application.OrderException;
import org.mercato.order.application.OrderManagement;
import org.mercato.order.application.OrderService;
import org.mercato.order.application.PlaceOrder;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderLine;
import org.mercato.order.domain.OrderRefund;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.order.domain.Transition;
import org.mercato.platform.idempotency.Idempotent;
import org.mercato.platform.money.MoneyJson;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.ratelimit.RateLimited;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.Paging;

/**
 * Placing orders (the shopper's token and an Idempotency-Key), reading them (customers their own, staff all), and
 * the staff's steps: cancel and mark delivered.
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    OrderService placing;

    @Inject
    OrderManagement orders;

    @Inject
    JsonWebToken token;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    @RateLimited(value = "orders.per-customer", per = RateLimited.Per.CALLER, byDefault = "10/60")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@Parameter(required = true) @HeaderParam("Idempotency-Key") String key,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull OrderRequests.PlaceOrder body) {
        OrderRequests.Address a = body.shippingAddress;
        PlaceOrder request = new PlaceOrder(body.cartId, new ShippingAddress(a.name, a.line1, a.line2, a.city,
                a.postalCode, a.country), body.payment.method, body.payment.token);
        Customer customer = new Customer(token.getSubject(), token.getName(), textClaim(token, "name"));
        OrderService.Placed placed;
        try {
            placed = placing.place(customer, key, request, authorization);
        } catch (OrderException refused) {
            if (!refused.replay()) {
                throw refused;
            }
            throw new ProblemException(replayed(refused));
        }
        URI location = uriInfo.getAbsolutePathBuilder().path(placed.order().id().toString()).build();
        // a replay answers exactly like the first time, and says so
        Response.ResponseBuilder response = Response.created(location).entity(view(placed.order()));
        return (placed.replay() ? response.header(REPLAYED, "true") : response).build();
    }

    /**
     * A refusal answered again to the same key and request: the first answer (an attempt that ran keeps its outcome
     * under its key, as Stripe's keys do), saying it is a replay.
     */
    static Problem replayed(OrderException refused) {
        Problem problem = Problem.of(refused.status(), refused.type(), refused.title(), refused.getMessage())
                .withHeader(REPLAYED, "true");
        Integer retryAfter = refused.retryAfterSeconds();
        return retryAfter == null ? problem : problem.withHeader("Retry-After", retryAfter.toString());
    }

    /**
     * {@code ?page=&size=&status=&all=&q=&email=&from=&to=&sort=}: the caller's orders, or with {@code all=true}
     * (staff only) every customer's, newest first unless {@code sort} says otherwise; {@code status} (one of
     * {@link OrderStatus}, exactly) keeps only orders in it, and the search parameters ({@link OrderSearchParameters})
     * narrow the list further. Every filter works alone and with the others; without {@code all=true} they narrow
     * the caller's own orders. A bad value is 400 naming its parameter, {@code all=true} from a customer 403.
     */
    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public JsonObject list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size, @QueryParam("status") OrderStatus status,
            @QueryParam("all") String all, @QueryParam("q") String q, @QueryParam("email") String email,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort) {
        Paging paging = Paging.of(page, size);
        boolean everyone = everyone(all);
        OrderManagement.OrderPage found = orders.list(token.getSubject(), isStaff(), everyone, OrderSearchParameters
                .read(status, q, email, from, to, sort), paging.page(), paging.size());
        JsonArrayBuilder items = Json.createArrayBuilder();
        found.items().forEach(o -> items.add(view(o)));
        return paging.answer(items, found.total());
    }

    /** {@code all}: absent or false is the caller's own orders, true every customer's; anything else 400. */
    static boolean everyone(String all) {
        if (all == null || all.equals("false")) {
            return false;
        }
        if (all.equals("true")) {
            return true;
        }
        throw new ProblemException(Problem.of(400, "validation", "Invalid request", "all must be true or false")
                .withErrors(List.of(new Problem.FieldError("all", "must be true or false"))));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public JsonObject order(@PathParam("id") String id) {
        return view(orders.order(orderId(id), token.getSubject(), isStaff()));
    }

    @Idempotent
    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject cancel(@PathParam("id") String id, @Valid OrderRequests.Cancel body) {
        String reason = body == null || body.reason == null ? "cancelled by staff" : body.reason;
        if (reason.length() > 300) {
            throw OrderException.invalid("reason must have at most 300 characters");
        }
        return view(orders.cancel(orderId(id), reason, token.getName()));
    }

    @Idempotent
    @POST
    @Path("{id}/delivered")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject delivered(@PathParam("id") String id) {
        return view(orders.markDelivered(orderId(id), token.getName()));
    }

    private boolean isStaff() {
        return security.isUserInRole(Roles.STAFF) || security.isUserInRole(Roles.ADMIN);
    }

    private static UUID orderId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw OrderException.notFound("no order " + id);
        }
    }

    /**
     * An order as the API shows it (api-responses.json, {@code Order}): money in minor units; {@code totals} with
     * {@code refunded} and {@code netPaid}; each refund a step of {@code history} with {@code refund: {id, amount}}.
     */
    static JsonObject view(Order order) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (OrderLine line : order.lines()) {
            lines.add(Json.createObjectBuilder().add("sku", line.sku()).add("name", line.name())
                    .add("quantity", line.quantity()).add("unitPrice", MoneyJson.of(line.unitPrice()))
                    .add("total", MoneyJson.of(line.total())));
        }
        JsonArrayBuilder history = Json.createArrayBuilder();
        for (Transition step : order.history()) {
            JsonObjectBuilder json = Json.createObjectBuilder();
            if (step.from() != null) {
                json.add("from", step.from().name());
            }
            json.add("to", step.to().name()).add("at", step.at().toString()).add("actor", step.actor());
            if (step.note() != null) {
                json.add("note", step.note());
            }
            OrderRefund refund = step.refund();
            if (refund != null) {
                json.add("refund", Json.createObjectBuilder().add("id", refund.refundId()).add("amount", MoneyJson.of(
                        refund.amount())));
            }
            history.add(json);
        }
        var totals = order.totals();
        ShippingAddress a = order.shippingAddress();
        JsonObjectBuilder address = Json.createObjectBuilder().add("name", a.name()).add("line1", a.line1());
        if (a.line2() != null) {
            address.add("line2", a.line2());
        }
        address.add("city", a.city()).add("postalCode", a.postalCode()).add("country", a.country());
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", order.id().toString());
        if (order.customer().email() != null) {
            json.add("customerEmail", order.customer().email());
        }
        json.add("status", order.status().name()).add("total", MoneyJson.of(totals.total()))
                .add("totals", Json.createObjectBuilder().add("subtotal", MoneyJson.of(totals.subtotal()))
                        .add("shipping", MoneyJson.of(totals.shipping())).add("tax", MoneyJson.of(totals.tax()))
                        .add("total", MoneyJson.of(totals.total())).add("taxIncluded", totals.taxIncluded())
                        .add("refunded", MoneyJson.of(order.refunded())).add("netPaid", MoneyJson.of(order
                                .netPaid())))
                .add("lines", lines).add("shippingAddress", address).add("history", history)
                .add("createdAt", order.createdAt().toString()).add("updatedAt", order.updatedAt().toString());
        if (order.cartId() != null) {
            json.add("cartId", order.cartId());
        }
        if (order.paymentId() != null) {
            json.add("paymentId", order.paymentId());
        }
        if (order.trackingNumber() != null) {
            json.add("trackingNumber", order.trackingNumber());
        }
        if (order.failureKind() != null) {
            json.add("failure", Json.createObjectBuilder().add("kind", order.failureKind().name())
                    .add("reason", order.failureReason()));
        }
        return json.build();
    }

    /**
     * A claim's text. MicroProfile JWT leaves the Java type of a non-standard claim (such as {@code name}) to the
     * implementation: Payara 6 gives a String, others a {@link jakarta.json.JsonString}, whose {@code toString()}
     * is JSON ({@code "Ada"} with its quotes and escapes), which must never become the customer's name.
     *
     * @return the claim's string, or null when the token has none
     */
    static String textClaim(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof jakarta.json.JsonString text) {
            return text.getString();
        }
        return value == null || value == jakarta.json.JsonValue.NULL ? null : value.toString();
    }
}
