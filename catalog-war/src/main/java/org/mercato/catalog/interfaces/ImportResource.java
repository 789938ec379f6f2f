package org.mercato.catalog.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

import org.mercato.catalog.application.ProductImport;
import org.mercato.platform.idempotency.Idempotent;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.BodyLimit;

/**
 * Staff bulk import: POST a CSV (one row per variant; columns slug, name, description, brand, category, status,
 * sku, price, currency, attributes, variant_attributes) or the JSON equivalent, then follow the job's progress
 * and rejected lines.
 */
@Path("imports")
@RequestScoped
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    ProductImport imports;

    @Context
    UriInfo uriInfo;

    @Idempotent
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @BodyLimit(32L * 1024 * 1024)
    public Response start(String csv) {
        return accepted(imports.start(ProductCsv.parse(csv == null ? "" : csv)));
    }

    /** The same import as JSON: [{slug, name, ..., attributes:{}, variants:[{sku, price:{amount, currency}}]}]. */
    @Idempotent
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(32L * 1024 * 1024)
    public Response startJson(String json) {
        return accepted(imports.start(ProductJson.parse(json == null ? "" : json)));
    }

    @GET
    @Path("{id}")
    public JsonObject status(@PathParam("id") String id) {
        return json(imports.status(id).orElseThrow(() -> ProblemException.notFound("import " + id)));
    }

    private Response accepted(ProductImport.Status status) {
        return Response.accepted(json(status))
                .location(uriInfo.getAbsolutePathBuilder().path(status.id()).build()).build();
    }

    private static JsonObject json(ProductImport.Status status) {
        JsonArrayBuilder rejected = Json.createArrayBuilder();
        status.rejected().forEach(r -> rejected.add(Json.createObjectBuilder().add("line", r.line())
                .add("message", r.message())));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", status.id())
                .add("state", status.state())
                .add("products", status.products())
                .add("processed", status.processed())
                .add("imported", status.imported())
                .add("rejected", rejected)
                .add("startedAt", status.startedAt().toString());
        if (status.finishedAt() != null) {
            json.add("finishedAt", status.finishedAt().toString());
        }
        return json.build();
    }
}
