package org.mercato.catalog.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

    @Context
    HttpHeaders headers;

    @Inject
    Validator validator;

    /**
     * Starts an import: a CSV ({@code text/csv} or {@code text/plain}; one row per variant) or its JSON equivalent
     * ({@code application/json}: an array of {@link ProductRequests.ImportProductBody}). One method for both, so
     * that the OpenAPI document lists every media type of this operation (it keeps one method per path and verb).
     * Every product is held to the product API's rules; refused ones are listed in the job by line.
     *
     * @return 202 with the job and its Location
     * @throws ProblemException 400 when the file itself is unreadable (not CSV or JSON, no header, not an array)
     */
    @Idempotent
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @BodyLimit(32L * 1024 * 1024)
    public Response start(String body) {
        String text = body == null ? "" : body;
        MediaType type = headers.getMediaType();
        ImportFile file = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                ? ProductJson.read(text, validator)
                : ProductCsv.read(text, validator);
        return accepted(imports.start(file.items(), file.refused()));
    }

    @GET
    @Path("{id}")
    public JsonObject status(@PathParam("id") String id) {
        // the id comes from the path: not echoed
        return json(imports.status(id).orElseThrow(() -> ProblemException.notFound("this import job")));
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
