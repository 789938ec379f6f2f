package org.mercato.admin.infrastructure;

import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The services' APIs the console calls, one MicroProfile REST client interface per service (paths on the methods,
 * from the gateway's root, so one base URL serves them all). Every staff call carries the staff member's bearer
 * token; money-moving calls an Idempotency-Key.
 */
public final class ShopApis {

    static final String AUTH = "Authorization";
    static final String KEY = "Idempotency-Key";

    private ShopApis() {
    }

    public interface Users {
        @POST
        @Path("/users/api/tokens")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject signIn(JsonObject credentials);

        @POST
        @Path("/users/api/tokens/refresh")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject refresh(JsonObject refreshToken);

        @POST
        @Path("/users/api/tokens/revoke")
        @Consumes(MediaType.APPLICATION_JSON)
        void revoke(JsonObject refreshToken);

        @GET
        @Path("/users/api/accounts/me")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject me(@HeaderParam(AUTH) String bearer);

        /** Accounts by text, role ({@code customer|staff|admin}) and lock, sorted ({@code email}, {@code -created}). */
        @GET
        @Path("/users/api/accounts")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject accounts(@QueryParam("q") String text, @QueryParam("role") String role,
                @QueryParam("locked") Boolean locked, @QueryParam("sort") String sort, @QueryParam("page") int page,
                @QueryParam("size") int size, @HeaderParam(AUTH) String bearer);

        /** One account with its addresses and lock. */
        @GET
        @Path("/users/api/accounts/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject account(@PathParam("id") String id, @HeaderParam(AUTH) String bearer);

        /** {@code {"reason": "..."}}: the account can no longer sign in; its refresh tokens are revoked. */
        @POST
        @Path("/users/api/accounts/{id}/lock")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject lock(@PathParam("id") String id, JsonObject reason, @HeaderParam(AUTH) String bearer);

        @POST
        @Path("/users/api/accounts/{id}/unlock")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject unlock(@PathParam("id") String id, @HeaderParam(AUTH) String bearer);

        /** Admins only: {@code {"roles": ["staff"]}} or {@code ["staff", "admin"]}. */
        @PUT
        @Path("/users/api/accounts/{id}/roles")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject roles(@PathParam("id") String id, JsonObject roles, @HeaderParam(AUTH) String bearer);

        /** Admins only: {@code {"password": "..."}}, a new password for the account. */
        @PUT
        @Path("/users/api/accounts/{id}/password")
        @Consumes(MediaType.APPLICATION_JSON)
        void resetPassword(@PathParam("id") String id, JsonObject password, @HeaderParam(AUTH) String bearer);

        @POST
        @Path("/users/api/accounts/staff")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject createStaff(JsonObject staff, @HeaderParam(AUTH) String bearer);
    }

    public interface Catalog {
        @GET
        @Path("/catalog/api/products")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject products(@QueryParam("q") String text, @QueryParam("category") String category,
                @QueryParam("brand") String brand, @QueryParam("sort") String sort, @QueryParam("page") int page,
                @QueryParam("size") int size, @HeaderParam(AUTH) String bearer);

        /** The staff's product search: also by status ({@code active|archived|any}). */
        @GET
        @Path("/catalog/api/products")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject products(@QueryParam("q") String text, @QueryParam("category") String category,
                @QueryParam("brand") String brand, @QueryParam("status") String status,
                @QueryParam("sort") String sort, @QueryParam("page") int page, @QueryParam("size") int size,
                @HeaderParam(AUTH) String bearer);

        @GET
        @Path("/catalog/api/products")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject productsInStock(@QueryParam("inStock") String inStock, @QueryParam("page") int page,
                @QueryParam("size") int size,
                @HeaderParam(AUTH) String bearer);

        @GET
        @Path("/catalog/api/products/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject product(@PathParam("id") String id, @HeaderParam(AUTH) String bearer);

        @POST
        @Path("/catalog/api/products")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject create(JsonObject product, @HeaderParam(AUTH) String bearer);

        @PUT
        @Path("/catalog/api/products/{id}")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject update(@PathParam("id") String id, JsonObject product, @HeaderParam(AUTH) String bearer);

        @DELETE
        @Path("/catalog/api/products/{id}")
        void archive(@PathParam("id") String id, @HeaderParam(AUTH) String bearer);

        @POST
        @Path("/catalog/api/products/{id}/images")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject addImage(@PathParam("id") String id, @QueryParam("alt") String alt,
                @HeaderParam("Content-Type") String contentType, byte[] image, @HeaderParam(AUTH) String bearer);

        /** {@code {"imageIds": [...]}}: every picture of the product, in the order the shop shows them. */
        @PUT
        @Path("/catalog/api/products/{id}/images/order")
        @Consumes(MediaType.APPLICATION_JSON)
        void reorderImages(@PathParam("id") String id, JsonObject order, @HeaderParam(AUTH) String bearer);

        @DELETE
        @Path("/catalog/api/products/{id}/images/{imageId}")
        void removeImage(@PathParam("id") String id, @PathParam("imageId") String imageId,
                @HeaderParam(AUTH) String bearer);

        @GET
        @Path("/catalog/api/categories")
        @Produces(MediaType.APPLICATION_JSON)
        JsonArray categories();

        @POST
        @Path("/catalog/api/imports")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject startImport(@HeaderParam("Content-Type") String contentType, String file,
                @HeaderParam(KEY) String key, @HeaderParam(AUTH) String bearer);

        @GET
        @Path("/catalog/api/imports/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject importJob(@PathParam("id") String id, @HeaderParam(AUTH) String bearer);
    }

    public interface Inventory {
        @GET
        @Path("/inventory/api/stock/{sku}")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject stock(@PathParam("sku") String sku, @HeaderParam(AUTH) String bearer);

        @GET
        @Path("/inventory/api/stock")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject availability(@QueryParam("sku") List<String> skus);

        /** Every SKU's stock per warehouse, paged; {@code lowStock=true} keeps available <= threshold. */
        @GET
        @Path("/inventory/api/stock")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject stockList(@QueryParam("q") String skuPrefix, @QueryParam("lowStock") Boolean lowStock,
                @QueryParam("threshold") Integer threshold, @QueryParam("warehouse") String warehouse,
                @QueryParam("sort") String sort, @QueryParam("page") int page, @QueryParam("size") int size,
                @HeaderParam(AUTH) String bearer);

        @PUT
        @Path("/inventory/api/stock/{sku}")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject change(@PathParam("sku") String sku, JsonObject change, @HeaderParam(KEY) String key,
                @HeaderParam(AUTH) String bearer);

        @GET
        @Path("/inventory/api/stock/{sku}/movements")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject movements(@PathParam("sku") String sku, @QueryParam("page") int page, @QueryParam("size") int size,
                @HeaderParam(AUTH) String bearer);
    }

    public interface Orders {
        /**
         * Every customer's orders by number (an id or its first characters), customer email, status and days
         * ({@code from}/{@code to}, ISO dates, inclusive), sorted ({@code -created}, {@code total}, ...).
         */
        @GET
        @Path("/orders/api/orders")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject search(@QueryParam("all") boolean all, @QueryParam("q") String number,
                @QueryParam("email") String email, @QueryParam("status") String status,
                @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort,
                @QueryParam("page") int page, @QueryParam("size") int size, @HeaderParam(AUTH) String bearer);

        @GET
        @Path("/orders/api/orders/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject order(@PathParam("id") String id, @HeaderParam(AUTH) String bearer);

        @POST
        @Path("/orders/api/orders/{id}/cancel")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject cancel(@PathParam("id") String id, JsonObject reason, @HeaderParam(KEY) String key,
                @HeaderParam(AUTH) String bearer);

        @POST
        @Path("/orders/api/orders/{id}/delivered")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject delivered(@PathParam("id") String id, @HeaderParam(KEY) String key,
                @HeaderParam(AUTH) String bearer);
    }

    public interface Payments {
        @GET
        @Path("/payments/api/payments")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject forOrder(@QueryParam("orderId") String orderId, @HeaderParam(AUTH) String bearer);

        /** Payments by status and days, newest first (the dashboard's failed payments). */
        @GET
        @Path("/payments/api/payments")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject payments(@QueryParam("status") String status, @QueryParam("from") String from,
                @QueryParam("to") String to, @QueryParam("sort") String sort, @QueryParam("page") int page,
                @QueryParam("size") int size, @HeaderParam(AUTH) String bearer);

        @POST
        @Path("/payments/api/refunds")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject refund(JsonObject refund, @HeaderParam(KEY) String key, @HeaderParam(AUTH) String bearer);
    }

    public interface Fulfillment {
        @GET
        @Path("/fulfillment/api/shipments")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject shipments(@QueryParam("status") String status, @QueryParam("orderId") String orderId,
                @QueryParam("page") int page, @QueryParam("size") int size, @HeaderParam(AUTH) String bearer);

        @POST
        @Path("/fulfillment/api/shipments/{id}/{step}")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject step(@PathParam("id") String id, @PathParam("step") String step, @HeaderParam(AUTH) String bearer);
    }

    public interface Analytics {
        @GET
        @Path("/analytics/api/sales/daily")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject dailySales(@QueryParam("from") String from, @QueryParam("to") String to,
                @QueryParam("currency") String currency, @HeaderParam(AUTH) String bearer);

        @GET
        @Path("/analytics/api/products/top")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject topProducts(@QueryParam("from") String from, @QueryParam("to") String to,
                @QueryParam("limit") int limit, @QueryParam("currency") String currency,
                @HeaderParam(AUTH) String bearer);
    }

    public interface Notifications {
        @GET
        @Path("/notifications/api/emails")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject emails(@QueryParam("orderId") String orderId, @QueryParam("recipient") String recipient,
                @QueryParam("page") int page, @QueryParam("size") int size, @HeaderParam(AUTH) String bearer);

        /** One email with its text and HTML. */
        @GET
        @Path("/notifications/api/emails/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject email(@PathParam("id") String id, @HeaderParam(AUTH) String bearer);
    }

    /** A service's own transactional outbox: {@code {"pending", "failed", "oldestPendingSeconds"}}. */
    public interface Outboxes {
        @GET
        @Path("/{service}/api/outbox")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject backlog(@PathParam("service") String contextRoot, @HeaderParam(AUTH) String bearer);
    }

    /**
     * A readiness document as MicroProfile Health serves it ({@code {"status", "checks":[{"name","status"}]}}), at the
     * client's base URI itself (see {@link ServiceClients#health()}).
     */
    public interface Health {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject ready();
    }
}
