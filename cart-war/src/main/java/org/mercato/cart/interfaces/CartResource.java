package org.mercato.cart.interfaces;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mercato.platform.money.MoneyJson;
import org.mercato.cart.application.CartService;
import org.mercato.cart.application.CartService.Caller;
import org.mercato.cart.application.CartView;
import org.mercato.cart.domain.Cart;
import org.mercato.platform.idempotency.IdempotencyInterceptor;
import org.mercato.platform.money.Money;
import org.mercato.platform.ratelimit.RateLimited;
import org.mercato.platform.security.Roles;

/**
 * Carts: a guest creates one and keeps its id; a signed-in customer has their own ({@code /carts/mine}) and
 * merges the guest cart into it after signing in. Every answer is the whole cart with current prices and
 * availability ({@code stale} flags say when those could not be asked).
 */
@Path("carts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class CartResource {

    @Inject
    CartService carts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest request;

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @POST
    @RateLimited(value = "carts.per-address", byDefault = "20/60")
    public Response create() {
        Cart cart = carts.createGuestCart();
        URI location = uriInfo.getAbsolutePathBuilder().path(cart.id()).build();
        return Response.created(location).entity(view(cart)).build();
    }

    @GET
    @Path("mine")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public JsonObject mine() {
        return view(carts.customerCart(caller()));
    }

    @POST
    @Path("mine/merge")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject merge(@Valid @NotNull CartRequests.Merge merge) {
        return view(carts.merge(caller(), merge.guestCartId));
    }

    @GET
    @Path("{id}")
    public JsonObject cart(@PathParam("id") String id) {
        return view(carts.cart(id, caller()));
    }

    /**
     * What is in the cart, as saved, without asking catalog or inventory: for the order service, which prices
     * the lines itself. The same access rule as reading the cart.
     */
    @GET
    @Path("{id}/items")
    public JsonObject items(@PathParam("id") String id) {
        Cart cart = carts.cart(id, caller());
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (var line : cart.lines()) {
            lines.add(Json.createObjectBuilder().add("sku", line.sku()).add("name", line.name())
                    .add("quantity", line.quantity()).add("unitPrice", MoneyJson.of(line.unitPrice())));
        }
        return Json.createObjectBuilder().add("id", cart.id()).add("lines", lines).add("version", cart.version())
                .build();
    }

    /**
     * Adds units of a SKU. With an {@code Idempotency-Key} (optional; 1 to 100 characters) a repeat of the same
     * request adds nothing again and answers the cart with {@code Idempotent-Replayed: true}; the gateway retries
     * such a request on another instance when the first one failed.
     */
    @POST
    @Path("{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject add(@PathParam("id") String id, @Valid @NotNull CartRequests.AddItem item,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        CartService.Outcome<CartView> outcome = carts.addItem(id, caller(), item.sku, item.quantity, idempotencyKey);
        markReplayed(outcome);
        return json(outcome.value());
    }

    /** Sets a line's quantity; Idempotency-Key as for adding. */
    @PATCH
    @Path("{id}/items/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject change(@PathParam("id") String id, @PathParam("sku") String sku,
            @Valid @NotNull CartRequests.ChangeQuantity change, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        CartService.Outcome<Cart> outcome = carts.setQuantity(id, caller(), sku, change.quantity, idempotencyKey);
        markReplayed(outcome);
        return view(outcome.value());
    }

    /** Takes a line out; Idempotency-Key as for adding. */
    @DELETE
    @Path("{id}/items/{sku}")
    public JsonObject remove(@PathParam("id") String id, @PathParam("sku") String sku,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        CartService.Outcome<Cart> outcome = carts.removeItem(id, caller(), sku, idempotencyKey);
        markReplayed(outcome);
        return view(outcome.value());
    }

    /** A replay answers {@code Idempotent-Replayed: true}, as the platform's idempotent requests do. */
    private void markReplayed(CartService.Outcome<?> outcome) {
        if (outcome.replayed()) {
            request.setAttribute(IdempotencyInterceptor.REPLAYED, Boolean.TRUE);
        }
    }

    private Caller caller() {
        if (security == null || !(security.getUserPrincipal() instanceof JsonWebToken token)) {
            return Caller.GUEST;
        }
        return new Caller(token.getSubject(), security.isUserInRole(Roles.STAFF)
                || security.isUserInRole(Roles.ADMIN));
    }

    private JsonObject view(Cart cart) {
        return json(carts.view(cart));
    }

    private static JsonObject json(CartView view) {
        Cart cart = view.cart();
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (CartView.Line line : view.lines()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("sku", line.sku()).add("name", line.name())
                    .add("quantity", line.quantity()).add("unitPrice", MoneyJson.of(line.unitPrice()))
                    .add("lineTotal", MoneyJson.of(line.lineTotal())).add("sellable", line.sellable());
            if (line.available() != null) {
                json.add("available", line.available()).add("inStock", line.available() >= line.quantity());
            }
            lines.add(json);
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", cart.id())
                .add("owner", cart.isGuestCart() ? "guest" : "customer").add("lines", lines)
                .add("itemCount", cart.itemCount()).add("priceStale", view.priceStale())
                .add("availabilityStale", view.stockStale()).add("version", cart.version())
                .add("updatedAt", cart.updatedAt().toString());
        if (view.subtotal() != null) {
            json.add("subtotal", MoneyJson.of(view.subtotal()));
        }
        return json.build();
    }

}
