package org.mercato.cart.infrastructure;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The catalog's SKU lookup, as a MicroProfile REST client (paths on the method, so Jersey does not take it for a resource). */
public interface CatalogClient {

    @GET
    @Path("/catalog/api/skus")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject skus(@QueryParam("sku") List<String> skus);
}
