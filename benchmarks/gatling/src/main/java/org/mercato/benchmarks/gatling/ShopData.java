package org.mercato.benchmarks.gatling;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the cart and checkout journeys buy: SKUs of demo products (the two cheapest of each leaf category, up to
 * {@link #SKU_COUNT}), stocked through the staff API before the run ({@value #UNITS} units each, as
 * benchmarks/support.mjs does), so carts and orders never run out; then one order is placed to warm the order
 * path up (not measured).
 *
 * @param skus the stocked SKUs
 */
public record ShopData(List<String> skus) {

    /** How many SKUs are stocked. */
    static final int SKU_COUNT = 20;
    /** Units on hand set for each SKU: far more than a run takes. */
    static final int UNITS = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Finds the SKUs and stocks them as the staff account of the settings; fails when that is not possible. */
    public static ShopData stocked(BenchSettings settings) {
        if (settings.adminEmail() == null || settings.adminPassword() == null) {
            throw new IllegalStateException("the cart and checkout journeys need a staff account to stock SKUs: set "
                    + "MERCATO_ADMIN_EMAIL and MERCATO_ADMIN_PASSWORD (or -Dmercato.bench.adminEmail/adminPassword)");
        }
        Client client = new Client(settings.baseUrl());
        try {
            JsonNode login = client.send("POST", "/users/api/tokens", JSON.writeValueAsString(Map.of("email",
                    settings.adminEmail(), "password", settings.adminPassword())), null, 200);
            String staff = login.get("access_token").asText();
            List<String> skus = demoSkus(client);
            for (String sku : skus) {
                client.send("PUT", "/inventory/api/stock/" + encode(sku), JSON.writeValueAsString(Map.of("onHand",
                        UNITS, "reason", "benchmark")), staff, 200);
            }
            System.out.println("[mercato-bench] stocked " + skus.size() + " SKUs with " + UNITS + " units each");
            warmUp(client, skus.get(0));
            return new ShopData(List.copyOf(skus));
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare the shop at " + settings.baseUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the shop", e);
        }
    }

    /**
     * One order placed before the run, not measured: the first order after a start finds every service cold (the
     * order service gives payments 2 s), and a benchmark measures the shop warm. A failure here is only reported.
     */
    private static void warmUp(Client client, String sku) throws InterruptedException {
        String email = "bench-warmup-" + java.util.UUID.randomUUID() + "@example.com";
        try {
            client.send("POST", "/users/api/accounts", JSON.writeValueAsString(Map.of("email", email, "password",
                    "bench password 1", "name", "Bench")), null, 201);
            String token = client.send("POST", "/users/api/tokens", JSON.writeValueAsString(Map.of("email", email,
                    "password", "bench password 1")), null, 200).get("access_token").asText();
            String cart = client.send("POST", "/cart/api/carts", null, token, 201).get("id").asText();
            client.send("POST", "/cart/api/carts/" + cart + "/items", JSON.writeValueAsString(Map.of("sku", sku,
                    "quantity", 1)), token, 200);
            client.send("POST", "/orders/api/orders", JSON.writeValueAsString(Map.of("cartId", cart,
                    "shippingAddress", Map.of("name", "Bench Shopper", "line1", "1 Load Lane", "city", "Berlin",
                            "postalCode", "10115", "country", "DE"),
                    "payment", Map.of("method", "card", "token",
                            "tok_visa"))),
                    token, 201, "Idempotency-Key", java.util.UUID.randomUUID()
                            .toString());
            System.out.println("[mercato-bench] warm-up order placed");
        } catch (IOException e) {
            System.out.println("[mercato-bench] warm-up order not placed (the run goes on): " + e.getMessage());
        }
    }

    /**
     * Products and categories to request, read from the catalog before a run (not measured).
     *
     * @param productIds ids of up to 24 products of each leaf category
     * @param productSlugs their slugs
     * @param leafCategories the slugs of the categories without children
     */
    public record CatalogSample(List<String> productIds, List<String> productSlugs, List<String> leafCategories) {
    }

    /** Reads a {@link CatalogSample} from the platform's catalog; fails when the catalog has no products. */
    public static CatalogSample sample(BenchSettings settings) {
        Client client = new Client(settings.baseUrl());
        try {
            List<String> leaves = new ArrayList<>();
            leafSlugs(client.send("GET", "/catalog/api/categories", null, null, 200), leaves);
            List<String> ids = new ArrayList<>();
            List<String> slugs = new ArrayList<>();
            for (String slug : leaves) {
                for (JsonNode item : client.send("GET", "/catalog/api/products?size=24&category=" + encode(slug), null,
                        null, 200).get("items")) {
                    ids.add(item.get("id").asText());
                    slugs.add(item.get("slug").asText());
                }
            }
            if (ids.isEmpty()) {
                throw new IllegalStateException("the catalog has no products in its categories to request");
            }
            System.out.println("[mercato-bench] requests spread over " + ids.size() + " products of " + leaves.size()
                    + " categories");
            return new CatalogSample(List.copyOf(ids), List.copyOf(slugs), List.copyOf(leaves));
        } catch (IOException e) {
            throw new IllegalStateException("could not read the catalog at " + settings.baseUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the catalog", e);
        }
    }

    /** The first variant's SKU of the two cheapest active products of each leaf category. */
    private static List<String> demoSkus(Client client) throws IOException, InterruptedException {
        List<String> leaves = new ArrayList<>();
        leafSlugs(client.send("GET", "/catalog/api/categories", null, null, 200), leaves);
        List<String> skus = new ArrayList<>();
        for (String slug : leaves) {
            JsonNode page = client.send("GET", "/catalog/api/products?size=2&sort=price_asc&category=" + encode(slug),
                    null, null, 200);
            for (JsonNode item : page.get("items")) {
                JsonNode product = client.send("GET", "/catalog/api/products/" + encode(item.get("id").asText()),
                        null, null, 200);
                skus.add(product.get("variants").get(0).get("sku").asText());
                if (skus.size() == SKU_COUNT) {
                    return skus;
                }
            }
        }
        if (skus.isEmpty()) {
            throw new IllegalStateException("the catalog has no products in its categories to buy");
        }
        return skus;
    }

    private static void leafSlugs(JsonNode categories, List<String> slugs) {
        for (JsonNode category : categories) {
            JsonNode children = category.get("children");
            if (children == null || children.isEmpty()) {
                slugs.add(category.get("slug").asText());
            } else {
                leafSlugs(children, slugs);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A small JSON client for the set-up calls (not measured). */
    private record Client(String baseUrl, HttpClient http) {

        Client(String baseUrl) {
            this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        }

        JsonNode send(String method, String path, String body, String token, int expected, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }
    }
}
