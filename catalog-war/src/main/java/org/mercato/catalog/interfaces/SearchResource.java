package org.mercato.catalog.interfaces;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.mercato.catalog.application.ProductSearch;
import org.mercato.catalog.infrastructure.search.ProductIndex;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.security.Roles;

/** Search-as-you-type suggestions and the staff's full reindex; the product list itself is GET /products. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    ProductSearch search;

    @Inject
    ProductIndex index;

    @GET
    @Path("suggestions")
    @PermitAll
    public Response suggestions(@QueryParam("q") String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return Response.ok(Json.createObjectBuilder().add("suggestions", Json.createArrayBuilder()).build())
                    .build();
        }
        if (prefix.length() > 100) {
            throw ProblemException.badRequest("validation", "q must have at most 100 characters");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(Json.createObjectBuilder()
                .add("suggestions", Json.createArrayBuilder(search.suggest(prefix.trim(), 8))).build())
                .cacheControl(cache).build();
    }

    /** Staff rebuild the whole index from the database (progress is logged). */
    @POST
    @Path("search-index")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject reindex() {
        long indexed = index.reindex();
        return Json.createObjectBuilder().add("indexed", indexed).build();
    }

}
