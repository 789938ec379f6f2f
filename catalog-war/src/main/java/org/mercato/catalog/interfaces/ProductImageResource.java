package org.mercato.catalog.interfaces;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.application.CatalogService.ImageUpload;
import org.mercato.catalog.domain.ProductImage;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.BodyLimit;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * Staff add pictures to a product, the image bytes as the request body (Content-Type image/jpeg, image/png,
 * image/gif or image/webp), and remove them. {@link ImageResource} serves them.
 */
@Path("products/{id}/images")
@RequestScoped
public class ProductImageResource {

    /** Large enough for a print-quality product photo, small enough to keep a shop page light. */
    static final long MAX_IMAGE_BYTES = 8L * 1024 * 1024;

    @Inject
    CatalogService catalog;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Consumes({"image/jpeg", "image/png", "image/gif", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit(MAX_IMAGE_BYTES)
    public Response upload(@PathParam("id") UUID productId, @QueryParam("sku") String sku,
            @QueryParam("alt") String alt, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        String declared = contentType == null
                ? null
                : MediaType.valueOf(contentType).getType() + "/"
                        + MediaType.valueOf(contentType).getSubtype();
        ProductImage image = catalog.addImage(productId, new ImageUpload(body, declared, sku, alt));
        URI location = uriInfo.getBaseUriBuilder().path("images").path(image.id().toString()).build();
        return Response.created(location).entity(CatalogViews.image(image)).build();
    }

    /**
     * {@code {"imageIds": [...]}}: every picture of the product, each once, in the order the shop shows them (the
     * first is the main picture); 204. Not all of them, or another product's: 400 naming {@code imageIds}.
     */
    @PUT
    @Path("order")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reorder(@PathParam("id") UUID productId, @Valid @NotNull ImageOrder body) {
        List<UUID> ids = new ArrayList<>();
        for (String id : body.imageIds) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException notAnId) {
                throw new ProblemException(Problem.of(400, "validation", "Invalid request",
                        "imageIds must be picture ids").withErrors(
                                List.of(new Problem.FieldError("imageIds",
                                        "must be picture ids"))));
            }
        }
        catalog.reorderImages(productId, ids);
        return Response.noContent().build();
    }

    /** The body of a reorder: the pictures' ids in their new order. */
    public static final class ImageOrder {
        @NotNull
        @Size(max = 30)
        public List<@NotNull String> imageIds;
    }

    @DELETE
    @Path("{imageId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response remove(@PathParam("id") UUID productId, @PathParam("imageId") UUID imageId) {
        catalog.removeImage(productId, imageId);
        return Response.noContent().build();
    }
}
