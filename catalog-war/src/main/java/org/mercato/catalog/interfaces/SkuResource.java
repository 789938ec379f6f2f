package org.mercato.catalog.interfaces;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.mercato.platform.money.MoneyJson;
import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.application.CatalogService.SkuView;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.security.StaffOnly;

/**
 * SKUs by code, many at once, for carts and orders that hold SKUs rather than products:
 * {@code GET /catalog/api/skus?sku=A&sku=B} gives {@code {items: [{sku, productId, name, slug, price, sellable,
 * inStock, attributes}]}}; unknown SKUs are left out, and so are drafts' SKUs for anyone but staff.
 */
@Path("skus")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SkuResource {

    static final int MAX_SKUS = 100;

    @Inject
    CatalogService catalog;

    @GET
    @PermitAll
    public JsonObject skus(@QueryParam("sku") List<String> skus, @Context SecurityContext security) {
        if (skus.isEmpty() || skus.size() > MAX_SKUS) {
            throw ProblemException.badRequest("validation", "ask for 1 to " + MAX_SKUS + " SKUs (sku=A&sku=B)");
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (SkuView view : catalog.skus(skus, StaffOnly.isStaff(security))) {
            JsonObjectBuilder attributes = Json.createObjectBuilder();
            view.attributes().forEach(attributes::add);
            items.add(Json.createObjectBuilder().add("sku", view.sku())
                    .add("productId", view.productId().toString()).add("name", view.name())
                    .add("slug", view.slug()).add("price", MoneyJson.of(view.price()))
                    .add("sellable", view.sellable()).add("inStock", view.inStock())
                    .add("attributes", attributes));
        }
        return Json.createObjectBuilder().add("items", items).build();
    }
}
