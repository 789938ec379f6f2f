package org.mercato.notification.interfaces;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.mercato.notification.application.WebhookService;
import org.mercato.notification.domain.WebhookDeliveryStatus;
import org.mercato.notification.domain.WebhookException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.Paging;

/**
 * Webhooks, for staff (docs/webhooks.md): register the addresses that get events over HTTP (the secret is shown
 * once, in the answer), change, disable or remove them, rotate a secret, read each endpoint's delivery log and
 * replay a delivery. Refusals are problem+json: 400 naming the field (nothing changed), 404 for an unknown
 * endpoint or delivery, 409 for a replay to a disabled endpoint.
 */
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    /** 201 with the endpoint and its {@code secret} (never shown again), Location the endpoint's address. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull WebhookRequests.Register request) {
        WebhookService.Registered registered = refusals(() -> webhooks.register(request.url, request.eventTypes,
                request.description, actor()));
        URI location = uriInfo.getAbsolutePathBuilder().path(registered.endpoint().id().toString()).build();
        return Response.created(location).entity(WebhookViews.registered(registered, clock.instant())).build();
    }

    /** Every endpoint, oldest first, without secrets. */
    @GET
    public JsonObject endpoints(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Paging paging = Paging.of(page, size);
        return WebhookViews.endpoints(webhooks.endpoints(paging.offset(), paging.size()), webhooks.countEndpoints(),
                paging, clock.instant());
    }

    @GET
    @Path("{id}")
    public JsonObject endpoint(@PathParam("id") String id) {
        return WebhookViews.endpoint(refusals(() -> webhooks.endpoint(uuid(id, "webhook endpoint"))), clock
                .instant());
    }

    /** Changes url, eventTypes, enabled or description; what is absent stays. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject change(@PathParam("id") String id, @Valid @NotNull WebhookRequests.Change request) {
        UUID endpointId = uuid(id, "webhook endpoint");
        return WebhookViews.endpoint(refusals(() -> webhooks.change(endpointId, request.url, request.eventTypes,
                request.enabled, request.description, actor())), clock.instant());
    }

    /** Removes the endpoint with its pending deliveries and its delivery log (disable it to keep them): 204. */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        UUID endpointId = uuid(id, "webhook endpoint");
        refusals(() -> {
            webhooks.remove(endpointId, actor());
            return null;
        });
        return Response.noContent().build();
    }

    /** A new secret, shown this once; the previous one signs too until {@code previousSecretValidUntil}. */
    @POST
    @Path("{id}/secret")
    public JsonObject rotateSecret(@PathParam("id") String id) {
        UUID endpointId = uuid(id, "webhook endpoint");
        return WebhookViews.rotated(refusals(() -> webhooks.rotateSecret(endpointId, actor())));
    }

    /** The endpoint's deliveries, newest first, each with its attempts (newest first); {@code status} filters. */
    @GET
    @Path("{id}/deliveries")
    public JsonObject deliveries(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Paging paging = Paging.of(page, size);
        WebhookDeliveryStatus wanted = status(status);
        UUID endpointId = uuid(id, "webhook endpoint");
        return refusals(() -> WebhookViews.deliveries(webhooks.deliveries(endpointId, wanted, paging.offset(),
                paging.size()), webhooks.countDeliveries(endpointId, wanted), paging));
    }

    /** One delivery with its attempts and the exact body it sends. */
    @GET
    @Path("{id}/deliveries/{deliveryId}")
    public JsonObject delivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        UUID endpointId = uuid(id, "webhook endpoint");
        UUID delivery = uuid(deliveryId, "delivery");
        return WebhookViews.delivery(refusals(() -> webhooks.delivery(endpointId, delivery)));
    }

    /** One more attempt now, whatever the delivery's status: 202, the attempt follows within moments. */
    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    public Response replay(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        UUID endpointId = uuid(id, "webhook endpoint");
        UUID delivery = uuid(deliveryId, "delivery");
        return Response.accepted(WebhookViews.replayed(refusals(() -> webhooks.replay(endpointId, delivery,
                actor())))).build();
    }

    private String actor() {
        return security.getUserPrincipal() == null ? "?" : security.getUserPrincipal().getName();
    }

    private static WebhookDeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return WebhookDeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("status", "must be one of PENDING, DELIVERED, FAILED");
        }
    }

    /** Nothing can live at a path that is not an id: 404, as for an unknown one. */
    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found", "there is no " + what
                    + " at this id (not an id)"));
        }
    }

    /** The domain's refusals as problem+json. */
    private static <T> T refusals(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (WebhookException e) {
            throw switch (e.reason()) {
                case INVALID -> invalid(e.field(), e.getMessage());
                case UNKNOWN -> new ProblemException(Problem.of(404, "not-found", "Not found", e.getMessage()));
                case NOT_NOW -> new ProblemException(Problem.of(409, "endpoint-disabled", "Conflict", e
                        .getMessage()));
            };
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", message).withErrors(List.of(
                new Problem.FieldError(field, message))));
    }
}
