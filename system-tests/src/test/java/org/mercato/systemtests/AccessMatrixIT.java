package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of every service's OpenAPI document, called as anonymous, customer, staff, admin and service,
 * and with expired, foreign-key, alg-none and tampered tokens: exactly the callers the table below allows get
 * past security (any status but 401/403), the others get 401 (no or a bad token) or 403 (a valid token without the
 * role). The table is the intent, written by hand; the documents must list exactly these operations with these
 * roles, so a new endpoint cannot appear without a decision here.
 */
@ExtendWith(PlatformExtension.class)
class AccessMatrixIT {

    static final List<String> SERVICES = List.of("users", "catalog", "inventory", "orders", "cart", "payments",
            "notifications", "fulfillment", "analytics");

    /** "METHOD path" -> who may call it ("anonymous" means anyone, with or without a token). */
    private static final Map<String, String> ALLOWED = table(
            "GET /users/api/accounts", "admin staff",
            "POST /users/api/accounts", "anonymous",
            "GET /users/api/accounts/me", "admin customer staff",
            "PATCH /users/api/accounts/me", "admin customer staff",
            "GET /users/api/accounts/me/addresses", "admin customer staff",
            "POST /users/api/accounts/me/addresses", "admin customer staff",
            "DELETE /users/api/accounts/me/addresses/{addressId}", "admin customer staff",
            "PUT /users/api/accounts/me/addresses/{addressId}", "admin customer staff",
            "PUT /users/api/accounts/me/password", "admin customer staff",
            "POST /users/api/accounts/staff", "admin",
            "GET /users/api/accounts/{accountId}", "admin staff",
            "POST /users/api/accounts/{accountId}/lock", "admin staff",
            "PUT /users/api/accounts/{accountId}/password", "admin",
            "PUT /users/api/accounts/{accountId}/roles", "admin",
            "POST /users/api/accounts/{accountId}/unlock", "admin staff",
            "GET /users/api/jwks", "anonymous",
            "GET /users/api/openapi", "anonymous",
            "POST /users/api/service-tokens", "anonymous",
            "GET /users/api/status", "admin staff",
            "POST /users/api/tokens", "anonymous",
            "POST /users/api/tokens/refresh", "anonymous",
            "POST /users/api/tokens/revoke", "anonymous",
            "GET /catalog/api/categories", "anonymous",
            "POST /catalog/api/categories", "admin staff",
            "GET /catalog/api/images/{imageId}", "anonymous",
            "POST /catalog/api/imports", "admin staff",
            "GET /catalog/api/imports/{id}", "admin staff",
            "GET /catalog/api/openapi", "anonymous",
            "GET /catalog/api/outbox", "admin staff",
            "GET /catalog/api/products", "anonymous",
            "POST /catalog/api/products", "admin staff",
            "GET /catalog/api/products/{idOrSlug}", "anonymous",
            "DELETE /catalog/api/products/{id}", "admin staff",
            "PUT /catalog/api/products/{id}", "admin staff",
            "POST /catalog/api/products/{id}/images", "admin staff",
            "DELETE /catalog/api/products/{id}/images/{imageId}", "admin staff",
            "PUT /catalog/api/products/{id}/images/order", "admin staff",
            "POST /catalog/api/search-index", "admin staff",
            "GET /catalog/api/sitemap", "anonymous",
            "GET /catalog/api/skus", "anonymous",
            "GET /catalog/api/status", "admin staff",
            "GET /catalog/api/suggestions", "anonymous",
            "GET /inventory/api/openapi", "anonymous",
            "GET /inventory/api/outbox", "admin staff",
            "POST /inventory/api/reservations", "admin service staff",
            "GET /inventory/api/reservations/{orderId}", "admin service staff",
            "POST /inventory/api/reservations/{orderId}/commit", "admin service staff",
            "POST /inventory/api/reservations/{orderId}/release", "admin service staff",
            "GET /inventory/api/status", "admin staff",
            // with sku the public availability lookup; without it the staff stock list (QUERY_FORMS)
            "GET /inventory/api/stock", "anonymous",
            "GET /inventory/api/stock/{sku}", "anonymous",
            "PUT /inventory/api/stock/{sku}", "admin staff",
            "GET /inventory/api/stock/{sku}/movements", "admin staff",
            "GET /orders/api/openapi", "anonymous",
            "GET /orders/api/outbox", "admin staff",
            "GET /orders/api/orders", "admin customer staff",
            "POST /orders/api/orders", "admin customer staff",
            "GET /orders/api/orders/{id}", "admin customer staff",
            "POST /orders/api/orders/{id}/cancel", "admin staff",
            "POST /orders/api/orders/{id}/delivered", "admin staff",
            "POST /orders/api/quotes", "admin customer staff",
            "GET /orders/api/status", "admin staff",
            // carts: guests use them by id; a customer's cart is checked against the token in the service
            "POST /cart/api/carts", "anonymous",
            "GET /cart/api/carts/mine", "admin customer staff",
            "POST /cart/api/carts/mine/merge", "admin customer staff",
            "GET /cart/api/carts/{id}", "anonymous",
            "GET /cart/api/carts/{id}/items", "anonymous",
            "POST /cart/api/carts/{id}/items", "anonymous",
            "DELETE /cart/api/carts/{id}/items/{sku}", "anonymous",
            "PATCH /cart/api/carts/{id}/items/{sku}", "anonymous",
            "GET /cart/api/openapi", "anonymous",
            "GET /cart/api/status", "admin staff",
            "GET /payments/api/openapi", "anonymous",
            "GET /payments/api/outbox", "admin staff",
            "GET /payments/api/payments", "admin service staff",
            // only the order service charges: a customer's token never reaches the card processor directly
            "POST /payments/api/payments", "service",
            "GET /payments/api/payments/{id}", "admin service staff",
            "POST /payments/api/refunds", "admin service staff",
            "GET /payments/api/status", "admin staff",
            "GET /notifications/api/emails", "admin staff",
            "GET /notifications/api/emails/{id}", "admin staff",
            "GET /notifications/api/openapi", "anonymous",
            "GET /notifications/api/outbox", "admin staff",
            "GET /notifications/api/status", "admin staff",
            "POST /notifications/api/webhooks", "admin staff",
            "GET /notifications/api/webhooks", "admin staff",
            "GET /notifications/api/webhooks/{id}", "admin staff",
            "PATCH /notifications/api/webhooks/{id}", "admin staff",
            "DELETE /notifications/api/webhooks/{id}", "admin staff",
            "POST /notifications/api/webhooks/{id}/secret", "admin staff",
            "GET /notifications/api/webhooks/{id}/deliveries", "admin staff",
            "GET /notifications/api/webhooks/{id}/deliveries/{deliveryId}", "admin staff",
            "POST /notifications/api/webhooks/{id}/deliveries/{deliveryId}/replay", "admin staff",
            "GET /fulfillment/api/openapi", "anonymous",
            "GET /fulfillment/api/outbox", "admin staff",
            "GET /fulfillment/api/shipments", "admin staff",
            "GET /fulfillment/api/shipments/{id}", "admin staff",
            "POST /fulfillment/api/shipments/{id}/cancel", "admin staff",
            "POST /fulfillment/api/shipments/{id}/deliver", "admin staff",
            "POST /fulfillment/api/shipments/{id}/dispatch", "admin staff",
            "POST /fulfillment/api/shipments/{id}/pack", "admin staff",
            "POST /fulfillment/api/shipments/{id}/pick", "admin staff",
            "GET /fulfillment/api/status", "admin staff",
            "GET /analytics/api/openapi", "anonymous",
            "GET /analytics/api/outbox", "admin staff",
            "GET /analytics/api/products/top", "admin staff",
            "GET /analytics/api/sales/daily", "admin staff",
            "GET /analytics/api/status", "admin staff",
            // every service's own document and the merged view are public, like Payara's /openapi
            "GET /users/api/openapi/merged", "anonymous",
            "GET /catalog/api/openapi/merged", "anonymous",
            "GET /inventory/api/openapi/merged", "anonymous",
            "GET /orders/api/openapi/merged", "anonymous",
            "GET /cart/api/openapi/merged", "anonymous",
            "GET /payments/api/openapi/merged", "anonymous",
            "GET /notifications/api/openapi/merged", "anonymous",
            "GET /fulfillment/api/openapi/merged", "anonymous",
            "GET /analytics/api/openapi/merged", "anonymous");

    /**
     * Public operations whose query parameters make a staff-only form: "METHOD path?query" -> who may call that
     * form (the same checks as the table: exactly these get past, anonymous gets 401, other roles 403).
     */
    private static final Map<String, String> QUERY_FORMS = table(
            "GET /catalog/api/products?status=active", "anonymous",
            "GET /catalog/api/products?status=draft", "admin staff",
            "GET /catalog/api/products?status=archived", "admin staff",
            "GET /catalog/api/products?status=any", "admin staff",
            "GET /inventory/api/stock?sku=MC-ACCESS", "anonymous",
            "GET /inventory/api/stock?page=0&sort=-available&lowStock=true", "admin staff");

    /** The table and the query forms: every row the security checks call. */
    private static Map<String, String> everyForm() {
        Map<String, String> all = new TreeMap<>(ALLOWED);
        all.putAll(QUERY_FORMS);
        return all;
    }

    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    /**
     * "METHOD path" -> the body sent instead of {@code {}}, where {@code {}} means something: an empty refresh is
     * the session-cookie form, which without a cookie is the use case's 401 (invalid refresh token), not security's.
     */
    private static final Map<String, String> BODIES = Map.of("POST /users/api/tokens/refresh",
            "{\"refresh_token\":\"\"}");
    /**
     * "METHOD path" -> the query sent with it, where the caller's roles depend on it: the order service may list
     * one order's payments, only staff every order's (without orderId the service's token gets 403); the stock
     * path without {@code sku} is the staff's stock list (see QUERY_FORMS), with it the public availability.
     */
    private static final Map<String, String> QUERIES = Map.of("GET /payments/api/payments", "?orderId="
            + UUID.randomUUID(), "GET /inventory/api/stock", "?sku=MC-ACCESS");
    /** "METHOD path" -> the media type its body is sent as (so content negotiation is not what refuses it). */
    private static final Map<String, String> BODY_TYPES = new TreeMap<>();

    @BeforeAll
    static void signIn() throws Exception {
        String email = UserApiIT.uniqueEmail();
        UserApiIT.register(email, "correct horse battery");
        TOKENS.put("customer", UserApiIT.login(email, "correct horse battery").getString("access_token"));
        String staffEmail = "staff-" + UUID.randomUUID() + "@mercato.test";
        String admin = PlatformExtension.staffToken();
        Http.Reply staff = PlatformExtension.http().post("/users/api/accounts/staff", "{\"email\":\"" + staffEmail
                + "\",\"password\":\"correct horse battery\",\"name\":\"Stan\",\"roles\":[\"staff\"]}", admin);
        assertEquals(201, staff.status(), staff.body());
        TOKENS.put("staff", UserApiIT.login(staffEmail, "correct horse battery").getString("access_token"));
        TOKENS.put("admin", admin);
        Http.Reply service = PlatformExtension.http().post("/users/api/service-tokens", "{\"client\":\"orders\","
                + "\"secret\":\"" + PlatformExtension.ORDERS_SERVICE_SECRET + "\"}", null);
        assertEquals(200, service.status(), service.body());
        TOKENS.put("service", service.json().getString("access_token"));
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> table = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i], pairs[i + 1]);
        }
        return table;
    }

    /** Every documented operation, as "METHOD path" -> its x-roles. */
    static Map<String, Set<String>> documented() {
        Map<String, Set<String>> operations = new TreeMap<>();
        for (String service : SERVICES) {
            Http.Reply document = PlatformExtension.http().get("/" + service + "/api/openapi", null);
            assertEquals(200, document.status(), service + ": " + document.body());
            document.json().getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach(
                    (verb, operation) -> {
                        JsonObject body = operation.asJsonObject().getJsonObject("requestBody");
                        if (body != null) {
                            BODY_TYPES.put(verb.toUpperCase() + " " + path, body.getJsonObject("content").keySet()
                                    .iterator().next());
                        }
                        operations.put(verb.toUpperCase() + " " + path, Set.copyOf(operation
                                .asJsonObject().getJsonArray("x-roles").getValuesAs(JsonValue::toString).stream()
                                .map(role -> role.replace("\"", "")).toList()));
                    }));
        }
        return operations;
    }

    @Test
    void theDocumentsListExactlyTheOperationsAndRolesOfTheTable() {
        Map<String, Set<String>> documented = documented();
        assertEquals(ALLOWED.keySet(), documented.keySet(), "documented operations");
        ALLOWED.forEach((operation, roles) -> assertEquals(Set.of(roles.split(" ")), documented.get(operation),
                operation));
    }

    @Test
    void exactlyTheAllowedCallersGetPastSecurity() {
        documented();
        List<String> wrong = new ArrayList<>();
        everyForm().forEach((operation, roles) -> {
            Set<String> allowed = Set.of(roles.split(" "));
            for (String caller : List.of("anonymous", "customer", "staff", "admin", "service")) {
                int status = call(operation, TOKENS.get(caller));
                boolean passed = status != 401 && status != 403;
                boolean expected = allowed.contains("anonymous") || allowed.contains(caller);
                int refusal = caller.equals("anonymous") ? 401 : 403;
                if (passed != expected || (!expected && status != refusal)) {
                    wrong.add(operation + " as " + caller + ": " + status);
                }
            }
        });
        assertTrue(wrong.isEmpty(), "calls that got past security or were refused wrongly: " + wrong);
    }

    @Test
    void badTokensAre401OnEveryProtectedOperation() throws Exception {
        documented();
        Object[] key = ServiceDatabase.users().newestSigningKey();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + key[0] + "\"}";
        String claims = "{\"iss\":\"mercato\",\"sub\":\"00000000-0000-0000-0000-000000000001\",\"upn\":"
                + "\"eve@mercato.test\",\"groups\":[\"admin\",\"staff\",\"service\",\"customer\"],\"iat\":%d,"
                + "\"exp\":%d,\"jti\":\"x\"}";
        String customer = TOKENS.get("customer");
        String[] parts = customer.split("\\.");
        Map<String, String> bad = Map.of(
                "expired", Jwt.signed(header, String.format(claims, now - 3600, now - 1800), Jwt.key((byte[]) key[1])),
                "foreign key", Jwt.signed(header, String.format(claims, now, now + 600), Jwt.randomKey()),
                "alg none", Jwt.unsigned(String.format(claims, now, now + 600)),
                "tampered", parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Jwt
                        .payload(customer).replace("[\"customer\"]", "[\"admin\",\"staff\",\"service\"]").getBytes(
                                java.nio.charset.StandardCharsets.UTF_8))
                        + "." + parts[2]);
        List<String> wrong = new ArrayList<>();
        everyForm().forEach((operation, roles) -> {
            if (roles.contains("anonymous")) {
                return;
            }
            bad.forEach((kind, token) -> {
                int status = call(operation, token);
                if (status != 401) {
                    wrong.add(operation + " with a " + kind + " token: " + status);
                }
            });
        });
        assertTrue(wrong.isEmpty(), "bad tokens not refused with 401: " + wrong);
    }

    @Test
    void aCustomerNeverReachesAnotherCustomersCartOrAddress() {
        String other = UserApiIT.uniqueEmail();
        UserApiIT.register(other, "correct horse battery");
        String eve = UserApiIT.login(other, "correct horse battery").getString("access_token");
        String ada = TOKENS.get("customer");
        JsonObject cart = PlatformExtension.http().get("/cart/api/carts/mine", ada).json();
        String cartId = cart.getString("id");
        assertEquals(404, PlatformExtension.http().get("/cart/api/carts/" + cartId, eve).status());
        assertEquals(404, PlatformExtension.http().get("/cart/api/carts/" + cartId, null).status());
        assertEquals(404, PlatformExtension.http().post("/cart/api/carts/" + cartId + "/items", "{\"sku\":\"A\","
                + "\"quantity\":1}", eve).status());
        Http.Reply address = PlatformExtension.http().post("/users/api/accounts/me/addresses", OrderFlowIT.ADDRESS,
                ada);
        assertEquals(201, address.status(), address.body());
        String addressId = address.json().getString("id");
        assertEquals(404, PlatformExtension.http().put("/users/api/accounts/me/addresses/" + addressId,
                OrderFlowIT.ADDRESS, eve).status());
        assertEquals(404, PlatformExtension.http().send(PlatformExtension.http().request(
                "/users/api/accounts/me/addresses/" + addressId, eve).DELETE().build()).status());
        assertTrue(PlatformExtension.http().get("/users/api/accounts/me/addresses", ada).body().contains(addressId),
                "Ada's address is still hers");
    }

    /**
     * Calls an operation with dummy path parameters, its query (QUERIES) and an empty JSON object as body (when it
     * takes one).
     */
    private static int call(String operation, String token) {
        String[] parts = operation.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString()) + QUERIES.getOrDefault(
                operation, "");
        HttpRequest.Builder request = PlatformExtension.http().request(path, token);
        switch (parts[0]) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.header("Content-Type", BODY_TYPES.getOrDefault(operation, "application/json"))
                    .method(parts[0], HttpRequest.BodyPublishers.ofString(BODIES.getOrDefault(operation, "{}")));
        }
        return PlatformExtension.http().send(request.build()).status();
    }
}
