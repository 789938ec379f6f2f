package org.mercato.catalog.interfaces;

import java.io.InputStream;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.application.ImageStore;
import org.mercato.catalog.domain.ImageNotFoundException;
import org.mercato.catalog.domain.ProductImage;

/**
 * Product pictures for anyone, with headers that let browsers and CDNs keep them for a year: an image id never
 * gets other bytes. Staff add and remove them through {@link ProductImageResource}.
 */
@Path("images")
@RequestScoped
public class ImageResource {

    @Inject
    CatalogService catalog;

    @Inject
    ImageStore store;

    @Context
    Request request;

    @GET
    @Path("{imageId}")
    @PermitAll
    public Response image(@PathParam("imageId") UUID imageId) {
        ProductImage image = catalog.image(imageId);
        CacheControl forever = CacheControl.valueOf("public, max-age=31536000, immutable");
        EntityTag tag = new EntityTag(image.sha256());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(forever).build();
        }
        InputStream bytes = store.open(imageId).orElseThrow(() -> new ImageNotFoundException(imageId.toString()));
        return Response.ok(bytes, image.format().mediaType()).tag(tag).cacheControl(forever)
                .header(HttpHeaders.CONTENT_LENGTH, image.size())
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
