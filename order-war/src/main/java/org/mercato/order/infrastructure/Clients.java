package org.mercato.order.infrastructure;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The other services' endpoints the order service calls, as MicroProfile REST client interfaces (paths on the
 * methods, so Jersey does not take them for resources).
 */
final class Clients {

    private Clients() {
    }

    interface Cart {
        @GET
        @Path("/cart/api/carts/{id}/items")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject cart(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);
    }

    interface Catalog {
        @GET
        @Path("/catalog/api/skus")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject skus(@QueryParam("sku") List<String> skus);
    }

    interface Inventory {
        @POST
        @Path("/inventory/api/reservations")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject reserve(JsonObject reservation, @HeaderParam("Authorization") String authorization);

        @POST
        @Path("/inventory/api/reservations/{orderId}/release")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject release(@PathParam("orderId") String orderId, @HeaderParam("Authorization") String authorization);
    }

    interface Payments {
        @POST
        @Path("/payments/api/payments")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject charge(JsonObject charge, @HeaderParam("Idempotency-Key") String key,
                @HeaderParam("Authorization") String authorization);

        @GET
        @Path("/payments/api/payments")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject forOrder(@QueryParam("orderId") String orderId, @HeaderParam("Authorization") String authorization);

        @POST
        @Path("/payments/api/refunds")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject refund(JsonObject refund, @HeaderParam("Idempotency-Key") String key,
                @HeaderParam("Authorization") String authorization);
    }
}
