package org.mercato.storefront;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code /sitemap.xml} (sitemaps.org protocol 0.9) from the catalog's {@code GET /catalog/api/sitemap}: the home
 * page, every category and every active product as absolute URLs of the shop's origin
 * ({@code mercato.shop.base-url}, else the request's); and {@code /robots.txt} pointing at it and keeping crawlers
 * out of the shopper's own pages (cart, checkout, account). 503 when the catalog does not answer.
 */
public class Sitemap extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(Sitemap.class.getName());

    private transient CatalogClient catalog;
    private String shopBase;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        catalog = new CatalogClient(config.getOptionalValue("mercato.api.base-url", String.class).orElse(
                "http://127.0.0.1:8080"));
        shopBase = config.getOptionalValue("mercato.shop.base-url", String.class).map(ShopPages::trimSlash)
                .orElse(null);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String origin = shopBase != null
                ? shopBase
                : request.getRequestURL().toString().replaceFirst(
                        "^(https?://[^/]+).*$", "$1");
        if (request.getServletPath().equals("/robots.txt")) {
            write(response, "text/plain;charset=UTF-8", robots(origin));
            return;
        }
        try {
            write(response, "application/xml;charset=UTF-8", xml(catalog.sitemap(), origin));
        } catch (CatalogClient.Unavailable e) {
            LOG.warning(() -> "No sitemap: " + e.getMessage());
            response.setHeader("Retry-After", "30");
            response.sendError(503);
        }
    }

    /** robots.txt for a shop at {@code origin}. */
    static String robots(String origin) {
        return "User-agent: *\nAllow: /\nDisallow: /basket\nDisallow: /checkout\nDisallow: /account\n"
                + "Disallow: /signin\nDisallow: /register\nDisallow: /search\n\nSitemap: " + origin + "/sitemap.xml\n";
    }

    /** The sitemap document for the catalog's entries at {@code origin}. */
    static String xml(JsonObject entries, String origin) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, origin + "/", null);
        for (JsonValue category : entries.getJsonArray("categories")) {
            url(xml, origin + category.asJsonObject().getString("path"), null);
        }
        for (JsonValue product : entries.getJsonArray("products")) {
            JsonObject entry = product.asJsonObject();
            url(xml, origin + entry.getString("path"), entry.getString("lastModified", null));
        }
        return xml.append("</urlset>\n").toString();
    }

    private static void url(StringBuilder xml, String location, String lastModified) {
        xml.append("  <url><loc>").append(PageHead.html(location)).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(PageHead.html(lastModified)).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private static void write(HttpServletResponse response, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
