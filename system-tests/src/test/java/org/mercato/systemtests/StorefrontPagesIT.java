package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storefront's pages as a crawler or CDN gets them, before any script runs: product and category pages carry
 * their title, description, canonical URL and JSON-LD in the first HTML answer, are cacheable with an ETag; every
 * app route answers index.html; /sitemap.xml and /robots.txt come from the catalog; built assets are immutable.
 */
@ExtendWith(PlatformExtension.class)
class StorefrontPagesIT {

    private final Http http = PlatformExtension.http();

    private Http.Reply page(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).header("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET().build());
    }

    private static JsonObject jsonLd(String html) {
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(
                html);
        assertTrue(m.find(), html);
        return Json.createReader(new java.io.StringReader(m.group(1))).readObject();
    }

    @Test
    void aProductPageIsReadableAndCacheableWithoutScript() {
        JsonObject item = http.get("/catalog/api/products?size=1&sort=newest", null).json().getJsonArray("items")
                .getJsonObject(0);
        String slug = item.getString("slug");
        Http.Reply page = page("/p/" + slug);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<title>" + item.getString("name").replace("&", "&amp;")),
                page.body().substring(0, Math.min(600, page.body().length())));
        assertTrue(page.body().contains("<link rel=\"canonical\" href=\"http://127.0.0.1:" + http.port() + "/p/"
                + slug + "\">"), page.body());
        assertTrue(page.body().contains("<meta name=\"description\""), page.body());
        JsonObject product = jsonLd(page.body());
        assertEquals("Product", product.getString("@type"));
        JsonObject offer = product.getJsonArray("offers").getJsonObject(0);
        assertEquals(item.getJsonObject("price").getString("currency"), offer.getString("priceCurrency"));
        assertTrue(offer.getString("availability").startsWith("https://schema.org/"), offer.toString());
        assertTrue(page.body().contains("<div id=\"root\">"), "the app still starts from it");
        String etag = page.header("ETag");
        assertTrue(etag != null && page.header("Cache-Control").contains("max-age="), page.raw().headers()
                .map().toString());
        assertEquals(304, page("/p/" + slug, "If-None-Match", etag).status());
    }

    @Test
    void aCategoryPageListsItsProductsAndUnknownPagesAre404() {
        JsonObject category = http.get("/catalog/api/categories", null).anyJson().asJsonArray().getJsonObject(0);
        Http.Reply page = page("/c/" + category.getString("slug"));
        assertEquals(200, page.status());
        JsonObject data = jsonLd(page.body());
        assertEquals("CollectionPage", data.getString("@type"));
        assertTrue(data.getJsonObject("mainEntity").getInt("numberOfItems") >= 0);
        Http.Reply missing = page("/p/no-such-product-anywhere");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("noindex"), missing.body());
        assertEquals(404, page("/c/no-such-category").status());
        // a path no route knows is the shop's own not-found page, not the server's
        Http.Reply nowhere = page("/nope/nothing");
        assertEquals(404, nowhere.status());
        assertTrue(nowhere.body().contains("<div id=\"root\">") && nowhere.body().contains("noindex"),
                nowhere.body());
        assertEquals(404, page("/p/%3Cscript%3E").status());
    }

    @Test
    void homeAndCategoryPagesCarryTheAnswersTheirScriptAsksForFirst() {
        for (String[] page : new String[][]{{"/", "/catalog/api/products?inStock=true&sort=newest&page=0&size=24"},
                {"/c/shoes", "/catalog/api/products?category=shoes&page=0&size=24"}}) {
            Http.Reply reply = page(page[0]);
            assertEquals(200, reply.status(), page[0]);
            Matcher script = Pattern.compile(
                    "<script type=\"application/json\" id=\"mercato-preloaded\">(.*?)</script>", Pattern.DOTALL)
                    .matcher(reply.body());
            assertTrue(script.find(), reply.body());
            JsonObject answers = Json.createReader(new StringReader(script.group(1))).readObject();
            assertTrue(answers.get("/catalog/api/categories") instanceof jakarta.json.JsonArray, page[0]);
            // under the exact path the script asks for, shaped as the API answers it
            JsonObject listing = answers.getJsonObject(page[1]);
            assertTrue(listing != null && listing.getInt("total") > 0 && !listing.getJsonArray("items").isEmpty(),
                    answers.keySet().toString());
            assertTrue(listing.getJsonObject("facets").containsKey("attribute"), page[0]);
            assertTrue(reply.header("Cache-Control").contains("max-age="), page[0]);
        }
    }

    @Test
    void everyAppRouteAnswersTheAppAndAssetsAreImmutable() {
        for (String route : new String[]{"/search?q=lamp", "/basket", "/checkout", "/signin", "/register",
                "/account", "/account/orders/123"}) {
            Http.Reply page = page(route);
            assertEquals(200, page.status(), route);
            assertTrue(page.body().contains("<div id=\"root\">"), route);
            assertEquals("no-cache", page.header("Cache-Control"), route);
        }
        Http.Reply index = page("/");
        Matcher asset = Pattern.compile("(/assets/[^\"]+\\.js)").matcher(index.body());
        assertTrue(asset.find(), index.body());
        Http.Reply script = page(asset.group(1));
        assertEquals(200, script.status());
        assertEquals("public, max-age=31536000, immutable", script.header("Cache-Control"));
    }

    @Test
    void sitemapAndRobotsComeFromTheCatalog() {
        Http.Reply sitemap = page("/sitemap.xml");
        assertEquals(200, sitemap.status());
        assertTrue(sitemap.contentType().startsWith("application/xml"), sitemap.contentType());
        String origin = "http://127.0.0.1:" + http.port();
        String slug = http.get("/catalog/api/products?size=1", null).json().getJsonArray("items").getJsonObject(0)
                .getString("slug");
        assertTrue(sitemap.body().contains("<loc>" + origin + "/p/" + slug + "</loc>"), sitemap.body().substring(0,
                Math.min(800, sitemap.body().length())));
        assertTrue(sitemap.body().contains("<loc>" + origin + "/c/"), "categories");
        Http.Reply robots = page("/robots.txt");
        assertEquals(200, robots.status());
        assertTrue(robots.body().contains("Sitemap: " + origin + "/sitemap.xml"), robots.body());
    }
}
