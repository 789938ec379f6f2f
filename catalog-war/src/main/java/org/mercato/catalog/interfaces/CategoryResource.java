package org.mercato.catalog.interfaces;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.infrastructure.cache.ShopperReadCache;
import org.mercato.platform.security.Roles;

/** The category tree for navigation, and staff creating categories. */
@Path("categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {

    @Inject
    CatalogService catalog;

    @Inject
    ShopperReadCache readCache;

    @Context
    Request request;

    @Context
    UriInfo uriInfo;

    @GET
    @PermitAll
    public Response tree() {
        ShopperReadCache.Entry view = readCache.get("categories", () -> {
            List<JsonObject> tree = CatalogViews.categoryTree(catalog.categories());
            String body = Json.createArrayBuilder(tree).build().toString();
            return new ShopperReadCache.Entry(body, Integer.toHexString(body.hashCode()));
        });
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return CatalogViews.conditional(request, view, cache);
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response create(@Valid @NotNull ProductRequests.CategoryBody body) {
        Category category = catalog.createCategory(body.name, body.slug, body.parentId, body.position);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(category.id().toString()).build())
                .entity(CatalogViews.category(category)).build();
    }
}
