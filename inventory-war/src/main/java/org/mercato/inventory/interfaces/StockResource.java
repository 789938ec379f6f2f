package org.mercato.inventory.interfaces;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.mercato.inventory.application.InventoryService;
import org.mercato.inventory.application.ShopperAvailability;
import org.mercato.inventory.domain.InvalidStockRequestException;
import org.mercato.inventory.domain.Skus;
import org.mercato.inventory.domain.StockLevel;
import org.mercato.inventory.domain.StockListQuery;
import org.mercato.inventory.domain.StockMovement;
import org.mercato.platform.idempotency.Idempotent;
import org.mercato.platform.security.Roles;
import org.mercato.platform.security.StaffOnly;
import org.mercato.platform.web.Paging;

/**
 * Stock per SKU: anyone reads what can be bought (from the availability cache); staff list the stock levels, see
 * the warehouses, set counts and adjust, and read the movements.
 */
@Path("stock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    @Inject
    InventoryService inventory;

    @Inject
    ShopperAvailability shopperAvailability;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    /** Fewer units than this available is low (the StockLow event's threshold), unless the list names another. */
    @Inject
    @ConfigProperty(name = "mercato.inventory.low-stock", defaultValue = "5")
    int defaultThreshold;

    /** The stock list's parameters: not with {@code sku}, which asks for availability. */
    private static final List<String> LIST_PARAMETERS = List.of("page", "size", "sort", "q", "warehouse",
            "lowStock", "threshold");

    /**
     * Two forms of one path, told apart by {@code sku}. With {@code sku} (anyone): the availability of many SKUs at
     * once (a cart's lines), {@code ?sku=A&sku=B}, 1 to 100, answered {@code {items: [{sku, available, inStock}]}}
     * from the availability cache; the list's parameters may not come with it (400). Without {@code sku} (staff and
     * admins; 401/403 otherwise): the stock list, one item per SKU and warehouse {@code {sku, warehouse, onHand,
     * reserved, available, threshold, low}} paged as every list ({@code {items, total, page, size}}), filtered by
     * {@code q} (a SKU prefix), {@code warehouse} and {@code lowStock=true} (fewer than {@code threshold} units
     * available, default {@code mercato.inventory.low-stock}, the StockLow event's threshold), sorted by
     * {@code sort} = sku (default), available or onHand, {@code -} in front for descending. Read from the
     * database, never cached.
     */
    @GET
    @PermitAll
    public Response availabilityOrList(@QueryParam("sku") java.util.List<String> skus,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("" + Paging.DEFAULT_SIZE) int size,
            @QueryParam("sort") @DefaultValue("sku") String sort, @QueryParam("q") String q,
            @QueryParam("warehouse") String warehouse, @QueryParam("lowStock") String lowStock,
            @QueryParam("threshold") Integer threshold) {
        if (skus.isEmpty()) {
            return list(page, size, sort, q, warehouse, lowStock, threshold);
        }
        List<String> listParameters = LIST_PARAMETERS.stream().filter(uriInfo.getQueryParameters()::containsKey)
                .toList();
        if (!listParameters.isEmpty()) {
            throw new InvalidStockRequestException(listParameters.get(0), "sku asks for availability; "
                    + String.join(", ", listParameters) + " belong to the stock list (without sku)");
        }
        return Response.ok(availabilityOf(skus)).build();
    }

    private JsonObject availabilityOf(List<String> skus) {
        if (skus.size() > 100) {
            throw new InvalidStockRequestException("sku", "ask for 1 to 100 SKUs (sku=A&sku=B)");
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (String sku : new java.util.LinkedHashSet<>(skus)) {
            long available = cachedAvailability(Skus.require(sku));
            items.add(Json.createObjectBuilder().add("sku", sku).add("available", Math.max(0, available))
                    .add("inStock", available > 0));
        }
        return Json.createObjectBuilder().add("items", items).build();
    }

    private Response list(int page, int size, String sort, String q, String warehouse, String lowStock,
            Integer threshold) {
        StaffOnly.require(security, "the stock list (GET /inventory/api/stock without sku)");
        Paging paging = Paging.of(page, size);
        if (lowStock != null && !lowStock.equals("true") && !lowStock.equals("false")) {
            throw new InvalidStockRequestException("lowStock", "lowStock must be true or false");
        }
        StockListQuery query = StockListQuery.of(q, warehouse, threshold == null ? defaultThreshold : threshold,
                "true".equals(lowStock), sort, paging.offset(), paging.size());
        InventoryService.StockPage found = inventory.list(query);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (StockLevel level : found.items()) {
            items.add(Json.createObjectBuilder().add("sku", level.sku()).add("warehouse", level.warehouse())
                    .add("onHand", level.onHand()).add("reserved", level.reserved())
                    .add("available", level.available()).add("threshold", query.threshold())
                    .add("low", query.isLow(level)));
        }
        return Response.ok(paging.answer(items, found.total())).cacheControl(noStore()).build();
    }

    private long cachedAvailability(String sku) {
        return shopperAvailability.available(sku);
    }

    @GET
    @Path("{sku}")
    @PermitAll
    public Response stock(@PathParam("sku") String sku) {
        Skus.require(sku);
        if (isStaff()) {
            return Response.ok(staffView(sku)).cacheControl(noStore()).build();
        }
        long available = cachedAvailability(sku);
        CacheControl cacheControl = new CacheControl();
        cacheControl.setMaxAge(5);
        return Response.ok(Json.createObjectBuilder().add("sku", sku).add("available", Math.max(0, available))
                .add("inStock", available > 0).build()).cacheControl(cacheControl).build();
    }

    @Idempotent
    @PUT
    @Path("{sku}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("sku") String sku, @Valid @NotNull StockRequests.StockChange change) {
        if ((change.onHand == null) == (change.adjustBy == null)) {
            throw new InvalidStockRequestException("send either onHand (a count) or adjustBy (units in or out)");
        }
        String warehouse = change.warehouse == null ? InventoryService.DEFAULT_WAREHOUSE : change.warehouse;
        String actor = security.getUserPrincipal().getName();
        if (change.onHand != null) {
            inventory.setOnHand(sku, warehouse, change.onHand, actor, change.reason);
        } else {
            inventory.adjust(sku, warehouse, change.adjustBy, null, actor, change.reason);
        }
        return Response.ok(staffView(sku)).cacheControl(noStore()).build();
    }

    @GET
    @Path("{sku}/movements")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject movements(@PathParam("sku") String sku, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("" + Paging.DEFAULT_SIZE) int size) {
        Paging paging = Paging.of(page, size);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (StockMovement m : inventory.movements(sku, paging.offset(), paging.size())) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("warehouse", m.warehouse())
                    .add("kind", m.kind().name()).add("quantity", m.quantity()).add("onHandAfter", m.onHandAfter())
                    .add("reservedAfter", m.reservedAfter()).add("occurredAt", m.occurredAt().toString());
            optional(item, "reference", m.reference());
            optional(item, "actor", m.actor());
            optional(item, "reason", m.reason());
            items.add(item);
        }
        return Json.createObjectBuilder(paging.answer(items, inventory.countMovements(sku))).add("sku", sku).build();
    }

    private JsonObject staffView(String sku) {
        JsonArrayBuilder warehouses = Json.createArrayBuilder();
        long available = 0;
        for (StockLevel level : inventory.levels(sku)) {
            available += level.available();
            warehouses.add(Json.createObjectBuilder().add("warehouse", level.warehouse())
                    .add("onHand", level.onHand()).add("reserved", level.reserved())
                    .add("available", level.available()));
        }
        return Json.createObjectBuilder().add("sku", sku).add("available", available).add("inStock", available > 0)
                .add("warehouses", warehouses).build();
    }

    private boolean isStaff() {
        return StaffOnly.isStaff(security);
    }

    private static CacheControl noStore() {
        CacheControl none = new CacheControl();
        none.setNoStore(true);
        return none;
    }

    static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
