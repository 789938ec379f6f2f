package org.mercato.messaging.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.mercato.platform.security.Roles;

/**
 * {@code GET <service>/api/outbox} (staff, admin): the backlog of this service's own outbox,
 * {@code {"pending": n, "retrying": n, "oldestPendingSeconds": s or null}} ({@link OutboxRelay.Backlog}). Served by
 * every WAR that includes this jar (as {@code ServiceStatusResource} is by every WAR with service-defaults); a WAR
 * without the jar has no outbox and no such path. Never cached.
 */
@Path("outbox")
@RequestScoped
public class OutboxResource {

    @Inject
    OutboxRelayService relay;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response backlog() {
        CacheControl none = new CacheControl();
        none.setNoStore(true);
        return Response.ok(relay.backlog().toJson()).cacheControl(none).build();
    }
}
