package org.mercato.catalog.interfaces;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.mercato.platform.money.MoneyJson;
import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.application.ProductSearch;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductImage;
import org.mercato.catalog.domain.ProductNotFoundException;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.catalog.infrastructure.cache.ShopperReadCache;
import org.mercato.platform.money.Money;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.security.Roles;
import org.mercato.platform.security.StaffOnly;
import org.mercato.platform.web.Paging;

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

    @Inject
    ProductSearch search;

    @Inject
    ShopperReadCache readCache;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @Context
    Request request;

    /**
     * The product list and search (DESIGN §5): {items, total, facets, page, size}, each item with its {@code status}
     * (DRAFT, ACTIVE, ARCHIVED). {@code status} = active (the default, anyone), draft, archived or any (staff and
     * admins only: 401 without a token, 403 for other roles; answered {@code Cache-Control: private, no-store} so
     * no shared cache hands it to a shopper); any other value is a 400 naming {@code status}.
     */
    @GET
    @PermitAll
    public Response list(@QueryParam("q") String text, @QueryParam("category") String category,
            @QueryParam("brand") String brand, @QueryParam("attribute") List<String> attributes,
            @QueryParam("minPrice") Long minPrice,
            @QueryParam("maxPrice") Long maxPrice, @QueryParam("sort") @DefaultValue("relevance") String sort,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
            @QueryParam("inStock") String inStock, @QueryParam("status") @DefaultValue("active") String status) {
        ListedStatus listed = ListedStatus.parse(status);
        if (listed != ListedStatus.ACTIVE) {
            StaffOnly.require(security, "listing products by status=" + listed.name().toLowerCase(Locale.ROOT));
        }
        Paging paging = Paging.of(page, size);
        if (text != null && text.length() > 200) {
            throw ProblemException.badRequest("validation", "q must have at most 200 characters");
        }
        if (attributes.size() > 10 || attributes.stream().anyMatch(a -> !a.matches("[^:]{1,60}:.{1,200}"))) {
            throw ProblemException.badRequest("validation",
                    "attribute filters look like attribute=colour:black (at most 10)");
        }
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw ProblemException.badRequest("validation", "minPrice must not be above maxPrice");
        }
        if (inStock != null && !inStock.equals("true") && !inStock.equals("false")) {
            throw ProblemException.badRequest("validation", "inStock must be true or false");
        }
        ProductSearch.Result result = search.search(new ProductSearch.Query(blankToNull(text),
                blankToNull(category), blankToNull(brand), List.copyOf(attributes), minPrice, maxPrice, sort(sort),
                paging.page(), paging.size(), "true".equals(inStock), listed.status));
        // each result's main picture, in one query for the page
        Map<UUID, ProductImage> mainImages = catalog.mainImages(result.items().stream()
                .flatMap(hit -> CatalogService.parseUuid(hit.id()).stream()).toList());
        // documents indexed before the status was stored in the index: the database says (one query)
        Map<UUID, ProductStatus> unindexedStatuses = catalog.statuses(result.items().stream()
                .filter(hit -> hit.status() == null).flatMap(hit -> CatalogService.parseUuid(hit.id()).stream())
                .toList());
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (ProductSearch.Hit hit : result.items()) {
            ProductStatus hitStatus = hit.status() != null
                    ? hit.status()
                    : CatalogService.parseUuid(hit.id()).map(unindexedStatuses::get).orElse(null);
            if (hitStatus == null) {
                continue; // in the index but no longer in the database: nothing to show
            }
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("id", hit.id()).add("slug", hit.slug()).add("name", hit.name())
                    .add("status", hitStatus.name())
                    .add("price", MoneyJson.of(new Money(hit.price(), hit.currency())))
                    .add("inStock", hit.inStock());
            if (hit.brand() == null) {
                item.addNull("brand");
            } else {
                item.add("brand", hit.brand());
            }
            if (hit.category() == null) {
                item.addNull("category");
            } else {
                item.add("category", hit.category());
            }
            ProductImage image = CatalogService.parseUuid(hit.id()).map(mainImages::get).orElse(null);
            if (image == null) {
                item.addNull("image");
            } else {
                item.add("image", CatalogViews.image(image));
            }
            items.add(item);
        }
        JsonObjectBuilder facets = Json.createObjectBuilder();
        for (Map.Entry<String, List<ProductSearch.Facet>> facet : result.facets().entrySet()) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            facet.getValue().forEach(v -> values.add(Json.createObjectBuilder().add("value", v.value())
                    .add("count", v.count())));
            facets.add(facet.getKey(), values);
        }
        JsonObject body = Json.createObjectBuilder(paging.answer(items, result.total())).add("facets", facets)
                .build();
        CacheControl cache = new CacheControl();
        if (listed == ListedStatus.ACTIVE) {
            cache.setMaxAge(30);
        } else {
            cache.setPrivate(true);
            cache.setNoStore(true);
        }
        return Response.ok(body).cacheControl(cache).build();
    }

    /** Which products a list shows: shoppers see active ones; staff may ask for the others. */
    enum ListedStatus {
        ACTIVE(ProductStatus.ACTIVE), DRAFT(ProductStatus.DRAFT), ARCHIVED(ProductStatus.ARCHIVED), ANY(null);

        /** null: every status. */
        final ProductStatus status;

        ListedStatus(ProductStatus status) {
            this.status = status;
        }

        /** @throws ProblemException 400 naming {@code status} for anything but active, draft, archived, any */
        static ListedStatus parse(String value) {
            for (ListedStatus listed : values()) {
                if (listed.name().equalsIgnoreCase(value.trim())) {
                    return listed;
                }
            }
            throw new ProblemException(Problem.of(400, "validation", "Invalid request",
                    "status must be one of active, draft, archived, any").withErrors(
                            List.of(
                                    new Problem.FieldError("status", "must be one of active, draft, archived, any"))));
        }
    }

    @GET
    @Path("{idOrSlug}")
    @PermitAll
    public Response product(@PathParam("idOrSlug") String idOrSlug) {
        CacheControl cache = new CacheControl();
        ShopperReadCache.Entry view;
        if (isStaff()) {
            // staff see drafts and archived products, always fresh
            cache.setPrivate(true);
            cache.setNoCache(true);
            Product product = catalog.product(idOrSlug);
            view = new ShopperReadCache.Entry(CatalogViews.product(product).toString(), etag(product).getValue());
        } else {
            // shared caches (a CDN, the gateway) may keep it a minute; the ETag makes revalidation cheap
            cache.setMaxAge(60);
            view = readCache.get("product:" + idOrSlug, () -> {
                Product product = catalog.product(idOrSlug);
                return product.isVisibleToShoppers()
                        ? new ShopperReadCache.Entry(
                                CatalogViews.product(product).toString(), etag(product).getValue())
                        : null;
            });
            if (view == null) {
                throw new ProductNotFoundException(idOrSlug);
            }
        }
        return CatalogViews.conditional(request, view, cache);
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
        return StaffOnly.isStaff(security);
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

    private static ProductSearch.Sort sort(String sort) {
        try {
            return ProductSearch.Sort.valueOf(sort.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("validation",
                    "sort must be one of relevance, price_asc, price_desc, newest");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
