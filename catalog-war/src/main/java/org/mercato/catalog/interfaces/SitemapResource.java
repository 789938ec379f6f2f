package org.mercato.catalog.interfaces;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.mercato.catalog.application.CatalogService;

/**
 * {@code GET /catalog/api/sitemap}: the shop pages a crawler should index, as paths relative to the storefront
 * ({@code {products: [{path: "/p/<slug>", lastModified}], categories: [{path: "/c/<slug>"}]}}); the storefront
 * turns it into {@code /sitemap.xml} with its own origin. At most {@value #MAX_PRODUCTS} products (one sitemap
 * file holds 50,000 URLs: sitemaps.org protocol), most recently changed first. Cached by clients for an hour.
 */
@Path("sitemap")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SitemapResource {

    /** Products listed: one sitemap file's 50,000 URLs less room for the categories and the home page. */
    public static final int MAX_PRODUCTS = 45_000;

    @Inject
    CatalogService catalog;

    @GET
    @PermitAll
    public Response sitemap() {
        JsonArrayBuilder products = Json.createArrayBuilder();
        catalog.shopperPages(MAX_PRODUCTS).forEach(page -> products.add(Json.createObjectBuilder()
                .add("path", "/p/" + page.slug()).add("lastModified", page.updatedAt().toString())));
        JsonArrayBuilder categories = Json.createArrayBuilder();
        catalog.categories().forEach(category -> categories.add(Json.createObjectBuilder().add("path", "/c/"
                + category.slug())));
        JsonObject body = Json.createObjectBuilder().add("products", products).add("categories", categories).build();
        CacheControl hour = new CacheControl();
        hour.setMaxAge(3600);
        return Response.ok(body).cacheControl(hour).build();
    }
}
