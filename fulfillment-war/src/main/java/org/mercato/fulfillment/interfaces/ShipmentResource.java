package org.mercato.fulfillment.interfaces;

import java.io.StringReader;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mercato.fulfillment.application.FulfillmentService;
import org.mercato.fulfillment.domain.FulfillmentException;
import org.mercato.fulfillment.domain.ShipmentStatus;
import org.mercato.platform.json.MultiLine;
import org.mercato.platform.json.StrictJsonReader;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.Paging;

/**
 * The warehouse staff's view of shipments and their steps. Each step answers with the shipment after it; a step
 * the shipment's state does not allow is 409 and changes nothing. Steps are recorded under the caller's name.
 */
@Path("shipments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    @Inject
    FulfillmentService fulfillment;

    @Context
    SecurityContext security;

    /** {@code ?status=&orderId=&page=0&size=20}: newest first, as {items, total}. */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject list(@QueryParam("status") String status, @QueryParam("orderId") String orderId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("" + Paging.DEFAULT_SIZE) int size) {
        Paging paging = Paging.of(page, size);
        if (orderId != null && orderId.length() > 64) {
            throw FulfillmentException.invalid("orderId must have at most 64 characters");
        }
        return ShipmentViews.page(fulfillment.search(status(status), orderId, paging.page(), paging.size()), paging);
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Path("{id}")
    public JsonObject shipment(@PathParam("id") UUID id) {
        return ShipmentViews.shipment(fulfillment.shipment(id));
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Path("{id}/pick")
    public JsonObject pick(@PathParam("id") UUID id) {
        return ShipmentViews.shipment(fulfillment.pick(id, caller()));
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Path("{id}/pack")
    public JsonObject pack(@PathParam("id") UUID id) {
        return ShipmentViews.shipment(fulfillment.pack(id, caller()));
    }

    /** Hands the parcel to the carrier: a tracking number is issued and ShipmentDispatched published. */
    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Path("{id}/dispatch")
    public JsonObject dispatch(@PathParam("id") UUID id) {
        return ShipmentViews.shipment(fulfillment.dispatch(id, caller()));
    }

    /** The carrier confirmed delivery. */
    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Path("{id}/deliver")
    public JsonObject deliver(@PathParam("id") UUID id) {
        return ShipmentViews.shipment(fulfillment.deliver(id, caller()));
    }

    /**
     * Optional JSON body {@code {"reason": "..."}} (a bare POST without a body works too; a body is JSON, see
     * the platform's BodyMediaTypeFilter).
     */
    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Path("{id}/cancel")
    public JsonObject cancel(@PathParam("id") UUID id, @Schema(implementation = CancelRequest.class) String body) {
        return ShipmentViews.shipment(fulfillment.cancel(id, caller(), reason(body)));
    }

    private String caller() {
        return security.getUserPrincipal() == null ? "staff" : security.getUserPrincipal().getName();
    }

    private static ShipmentStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ShipmentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FulfillmentException.invalid("status must be one of " + Arrays.toString(ShipmentStatus.values()));
        }
    }

    /** {@code {"reason": "..."}}, all optional. */
    public static final class CancelRequest {
        @MultiLine
        @Size(max = 300)
        public String reason;
    }

    /** The optional body of a cancellation, read by the platform's strict JSON rules. */
    static String reason(String body) {
        CancelRequest request = (CancelRequest) StrictJsonReader.bind(body, CancelRequest.class);
        if (request == null || request.reason == null || request.reason.isBlank()) {
            return null;
        }
        if (request.reason.length() > 300) {
            throw FulfillmentException.invalid("reason must be a text of at most 300 characters");
        }
        return request.reason;
    }
}
