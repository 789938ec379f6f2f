package org.mercato.catalog.interfaces;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.mercato.catalog.application.ImageRenditions;
import org.mercato.catalog.domain.ProductImage;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * Product pictures for anyone, whole or resized to one of a few widths ({@code ?w=}), with headers that let
 * browsers and CDNs keep them for a year: an image id never gets other bytes, nor does a width of it. Staff add and
 * remove them through {@link ProductImageResource}.
 */
@Path("images")
@RequestScoped
public class ImageResource {

    private static final String FOREVER = "public, max-age=31536000, immutable";

    @Inject
    ImageRenditions renditions;

    @Context
    Request request;

    /**
     * @param w absent for the original, else one of {@link ProductImage#WIDTHS} in pixels (a width at or above
     *            the picture's own answers the original); anything else is 400
     */
    @GET
    @Path("{imageId}")
    @PermitAll
    public Response image(@PathParam("imageId") UUID imageId, @QueryParam("w") String w) {
        ImageRenditions.Rendition rendition = renditions.rendition(imageId, width(w));
        CacheControl forever = CacheControl.valueOf(FOREVER);
        EntityTag tag = new EntityTag(rendition.tag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(forever).build();
        }
        ImageRenditions.Served served = rendition.open();
        return Response.ok(served.content(), served.format().mediaType()).tag(tag).cacheControl(forever)
                .header(HttpHeaders.CONTENT_LENGTH, served.length())
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** The width asked for, or null for the original; 400 naming {@code w} for anything but a served width. */
    static Integer width(String w) {
        if (w == null) {
            return null;
        }
        List<String> allowed = ProductImage.WIDTHS.stream().map(String::valueOf).toList();
        if (!allowed.contains(w)) {
            String widths = String.join(", ", allowed);
            throw new ProblemException(Problem.of(400, "validation", "Invalid request",
                    "w must be one of " + widths + " (pixels)")
                    .withErrors(List.of(new Problem.FieldError("w", "must be one of " + widths))));
        }
        return Integer.valueOf(w);
    }
}
