package org.mercato.storefront;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The catalog's public API as the page renderer reads it, through the gateway address with a short timeout: a
 * page must never wait long for its head tags (the shop still works without them, from the script).
 */
public class CatalogClient {

    /** Longest wait for the catalog per call. */
    public static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final String apiBase;

    /** @param apiBase the gateway or embedded instance ({@code http://127.0.0.1:8080}) */
    public CatalogClient(String apiBase) {
        this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
    }

    /** Thrown when the catalog did not answer usefully (down, slow, 5xx): the caller serves the plain page. */
    public static class Unavailable extends Exception {

        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @return the product, or empty when the catalog has none by that slug (404) */
    public Optional<JsonObject> product(String slug) throws Unavailable {
        return get(productPath(slug)).map(JsonValue::asJsonObject);
    }

    /** The path of the category tree, as the shop's script asks for it. */
    public static final String CATEGORIES = "/catalog/api/categories";

    /** @return the category tree ({@code GET /catalog/api/categories}), empty when the catalog has none */
    public Optional<JsonValue> categories() throws Unavailable {
        return get(CATEGORIES);
    }

    /** @return the category by slug in a tree of {@link #categories()}, or empty */
    public static Optional<JsonObject> find(JsonValue node, String slug) {
        if (node.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue child : node.asJsonArray()) {
                Optional<JsonObject> found = find(child, slug);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject object = node.asJsonObject();
            if (slug.equals(object.getString("slug", null))) {
                return Optional.of(object);
            }
            for (String nested : new String[]{"items", "children"}) {
                if (object.containsKey(nested)) {
                    Optional<JsonObject> found = find(object.get(nested), slug);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The path of a category's first listing page exactly as the shop's script asks for it
     * ({@code searchApiQuery} in src/lib/catalog.ts: category, page from 0, size), so the answer fetched here can
     * stand in for the script's first request.
     */
    public static String listingPath(String categorySlug, int size) {
        return "/catalog/api/products?category=" + encode(categorySlug) + "&page=0&size=" + size;
    }

    /**
     * The home page's "new in" listing exactly as the script asks for it: in stock, newest first
     * ({@code NEWEST} in src/pages/HomePage.tsx).
     */
    public static final String HOME_LISTING = "/catalog/api/products?inStock=true&sort=newest&page=0&size="
            + PageHead.PAGE_SIZE;

    /** @return the home page's listing ({@link #HOME_LISTING}), empty when the catalog answers 404 */
    public Optional<JsonObject> homeListing() throws Unavailable {
        return get(HOME_LISTING).map(JsonValue::asJsonObject);
    }

    /** The path of a product by slug or id, as the shop's script asks for it. */
    public static String productPath(String slug) {
        return "/catalog/api/products/" + encode(slug);
    }

    /** The first listing page of a category ({@code {items, total, ...}}); no items when the catalog has none. */
    public JsonObject listing(String categorySlug, int size) throws Unavailable {
        return get(listingPath(categorySlug, size)).map(
                JsonValue::asJsonObject).orElse(
                        Json.createObjectBuilder().add("items", JsonValue.EMPTY_JSON_ARRAY)
                                .add("total", 0).build());
    }

    /** The catalog's sitemap entries ({@code {products: [{path, lastModified}], categories: [{path}]}}). */
    public JsonObject sitemap() throws Unavailable {
        return get("/catalog/api/sitemap").map(JsonValue::asJsonObject).orElseThrow(() -> new Unavailable(
                "the catalog has no sitemap", null));
    }

    private Optional<JsonValue> get(String path) throws Unavailable {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiBase + path))
                    .timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new Unavailable("catalog answered " + response.statusCode() + " for " + path, null);
            }
            return Optional.of(Json.createReader(new StringReader(response.body())).readValue());
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("catalog did not answer for " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
