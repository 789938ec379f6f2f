package org.mercato.cart.infrastructure;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Inventory's availability of many SKUs, as a MicroProfile REST client. */
public interface InventoryClient {

    @GET
    @Path("/inventory/api/stock")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject availability(@QueryParam("sku") List<String> skus);
}
