package org.mercato.inventory.interfaces;

import java.net.URI;
import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.mercato.inventory.application.InventoryService;
import org.mercato.inventory.application.InventoryService.LineRequest;
import org.mercato.inventory.domain.InvalidStockRequestException;
import org.mercato.inventory.domain.Reservation;
import org.mercato.inventory.domain.ReservationLine;
import org.mercato.platform.security.Roles;

/**
 * Holds for orders (the order service calls these): reserve all lines or none, commit when the order is placed,
 * release when it is not. Reserving again for the same order returns the same hold (200 instead of 201).
 */
@Path("reservations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
public class ReservationResource {

    @Inject
    InventoryService inventory;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reserve(@Valid @NotNull StockRequests.ReservationRequest request) {
        if (request.holdSeconds != null && request.holdSeconds < 1) {
            throw new InvalidStockRequestException("holdSeconds must be positive");
        }
        InventoryService.Hold hold = inventory.reserve(request.orderId,
                request.lines.stream().map(l -> new LineRequest(l.sku, l.quantity)).toList(),
                request.holdSeconds == null ? null : Duration.ofSeconds(request.holdSeconds));
        if (hold.replay()) {
            return Response.ok(view(hold.reservation())).build();
        }
        URI location = uriInfo.getAbsolutePathBuilder().path(request.orderId).build();
        return Response.created(location).entity(view(hold.reservation())).build();
    }

    @GET
    @Path("{orderId}")
    public JsonObject reservation(@PathParam("orderId") String orderId) {
        return view(inventory.reservation(orderId));
    }

    @POST
    @Path("{orderId}/commit")
    public JsonObject commit(@PathParam("orderId") String orderId) {
        return view(inventory.commit(orderId));
    }

    @POST
    @Path("{orderId}/release")
    public JsonObject release(@PathParam("orderId") String orderId) {
        return view(inventory.release(orderId));
    }

    static JsonObject view(Reservation reservation) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (ReservationLine line : reservation.lines()) {
            lines.add(Json.createObjectBuilder().add("sku", line.sku()).add("warehouse", line.warehouse())
                    .add("quantity", line.quantity()));
        }
        return Json.createObjectBuilder().add("orderId", reservation.orderId())
                .add("status", reservation.status().name()).add("expiresAt", reservation.expiresAt().toString())
                .add("lines", lines).build();
    }
}
