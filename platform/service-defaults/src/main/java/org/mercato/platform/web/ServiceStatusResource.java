package org.mercato.platform.web;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mercato.platform.security.Roles;

/**
 * {@code GET <service>/api/status}: which service and build answers, and who the caller is as this service sees
 * them. Staff use it to check that a token from user-war is honoured everywhere.
 */
@Path("status")
@RequestScoped
public class ServiceStatusResource {

    @Inject
    @ConfigProperty(name = "mercato.service.name", defaultValue = "service")
    String serviceName;

    @Inject
    @ConfigProperty(name = "mercato.version", defaultValue = "dev")
    String version;

    @Inject
    JsonWebToken caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject status() {
        Set<String> groups = caller.getGroups() == null ? Set.of() : caller.getGroups();
        return Json.createObjectBuilder()
                .add("service", serviceName)
                .add("version", version)
                .add("caller", caller.getName() == null ? "" : caller.getName())
                .add("roles", Json.createArrayBuilder(groups.stream().sorted().toList()))
                .build();
    }
}
