package org.mercato.catalog.interfaces;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductNotFoundException;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.security.Roles;

/**
 * Product detail for everyone (active products only, cacheable with ETag), and the staff's create, update
 * (optimistic locking: a stale version gets 409) and archive.
 */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    CatalogService catalog;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @Context
    Request request;

    @GET
    @Path("{idOrSlug}")
    @PermitAll
    public Response product(@PathParam("idOrSlug") String idOrSlug) {
        Product product = catalog.product(idOrSlug);
        boolean staff = isStaff();
        if (!product.isVisibleToShoppers() && !staff) {
            throw new ProductNotFoundException(idOrSlug);
        }
        EntityTag tag = etag(product);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        CacheControl cache = new CacheControl();
        if (staff) {
            cache.setPrivate(true);
            cache.setNoCache(true);
        } else {
            // shared caches (a CDN, the gateway) may keep it a minute; the ETag makes revalidation cheap
            cache.setMaxAge(60);
        }
        if (notModified != null) {
            return notModified.cacheControl(cache).build();
        }
        return Response.ok(CatalogViews.product(product)).tag(tag).cacheControl(cache).build();
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response create(@Valid @NotNull ProductRequests.ProductBody body) {
        Product product = catalog.create(body.toDraft());
        URI location = uriInfo.getAbsolutePathBuilder().path(product.id().toString()).build();
        return Response.created(location).entity(CatalogViews.product(product)).tag(etag(product)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProductRequests.ProductBody body) {
        long expected = expectedVersion(ifMatch, body.version);
        Product product = catalog.update(id, expected, body.toDraft());
        return Response.ok(CatalogViews.product(product)).tag(etag(product)).build();
    }

    /** Archives: the product leaves the shop but keeps its identity for past orders. */
    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response archive(@PathParam("id") UUID id) {
        catalog.archive(id);
        return Response.noContent().build();
    }

    private boolean isStaff() {
        return security != null && (security.isUserInRole(Roles.STAFF) || security.isUserInRole(Roles.ADMIN));
    }

    /** The version travels as the ETag, so If-Match carries it back on update. */
    static EntityTag etag(Product product) {
        return new EntityTag(product.id() + "-" + product.version());
    }

    static long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String value = ifMatch.replace("W/", "").replace("\"", "").trim();
            int dash = value.lastIndexOf('-');
            try {
                return Long.parseLong(value.substring(dash + 1));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-if-match", "If-Match must be an ETag of this product");
            }
        }
        if (bodyVersion == null) {
            throw ProblemException.badRequest("version-required",
                    "send the version you edited, as \"version\" in the body or as If-Match");
        }
        return bodyVersion;
    }
}
