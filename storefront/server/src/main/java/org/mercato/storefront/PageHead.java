package org.mercato.storefront;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The {@code <head>} of a shop page as crawlers and link previews read it before any script runs: title, meta
 * description, canonical URL, Open Graph tags and JSON-LD (schema.org {@code Product} with its {@code Offer}s, or
 * a {@code CollectionPage} with an {@code ItemList}). Pure functions of the catalog's JSON; every text is escaped
 * for HTML, and JSON-LD has {@code <}, {@code >} and {@code &} as JSON escapes so no product text can close the
 * script element.
 */
public final class PageHead {

    /** Longest meta description: what search engines show (about 160 characters). */
    public static final int DESCRIPTION_LENGTH = 160;

    /** Products on a listing page: {@code PAGE_SIZE} in src/lib/catalog.ts. */
    public static final int PAGE_SIZE = 24;
    /** How wide a product card's picture is shown: {@code CARD_SIZES} in src/lib/images.ts. */
    public static final String CARD_SIZES = "(min-width: 1100px) 260px, (min-width: 720px) 30vw, 46vw";
    /** How wide a product page's main picture is shown: {@code GALLERY_SIZES} in src/lib/images.ts. */
    public static final String GALLERY_SIZES = "(min-width: 900px) 520px, 92vw";
    /** The element the shop's script reads its first answers from (src/lib/http.ts). */
    public static final String PRELOADED_ID = "mercato-preloaded";

    private final String shopName;

    /** @param shopName the shop's name, appended to every title */
    public PageHead(String shopName) {
        this.shopName = shopName;
    }

    /**
     * @param product the catalog's product JSON ({@code GET /catalog/api/products/{slug}})
     * @param origin the shop's origin ({@code https://shop.example}), for absolute URLs
     */
    public String product(JsonObject product, String origin) {
        String canonical = origin + "/p/" + product.getString("slug");
        String name = product.getString("name");
        String description = summary(text(product, "description"), name);
        JsonArray images = product.getJsonArray("images") == null
                ? JsonValue.EMPTY_JSON_ARRAY
                : product
                        .getJsonArray("images");
        JsonArrayBuilder imageUrls = Json.createArrayBuilder();
        images.forEach(image -> imageUrls.add(origin + image.asJsonObject().getString("url")));
        JsonArray imageList = imageUrls.build();
        JsonArrayBuilder offers = Json.createArrayBuilder();
        JsonArray variants = product.getJsonArray("variants") == null
                ? JsonValue.EMPTY_JSON_ARRAY
                : product
                        .getJsonArray("variants");
        for (JsonValue value : variants) {
            JsonObject variant = value.asJsonObject();
            JsonObject price = variant.getJsonObject("price");
            offers.add(Json.createObjectBuilder().add("@type", "Offer").add("sku", variant.getString("sku"))
                    .add("price", decimal(price)).add("priceCurrency", price.getString("currency"))
                    .add("availability", variant.getBoolean("inStock", false)
                            ? "https://schema.org/InStock"
                            : "https://schema.org/OutOfStock")
                    .add("url", canonical));
        }
        JsonObjectBuilder data = Json.createObjectBuilder().add("@context", "https://schema.org")
                .add("@type", "Product").add("name", name).add("description", description).add("url", canonical);
        if (!variants.isEmpty()) {
            data.add("sku", variants.getJsonObject(0).getString("sku"));
        }
        String brand = text(product, "brand");
        if (!brand.isEmpty()) {
            data.add("brand", Json.createObjectBuilder().add("@type", "Brand").add("name", brand));
        }
        if (!imageList.isEmpty()) {
            data.add("image", imageList);
        }
        data.add("offers", offers);
        StringBuilder head = common(name, description, canonical, "product");
        if (!imageList.isEmpty()) {
            head.append("<meta property=\"og:image\" content=\"").append(html(imageList.getString(0))).append(
                    "\">\n");
        }
        return head.append(jsonLd(data.build())).toString();
    }

    /**
     * @param category one category of {@code GET /catalog/api/categories} ({@code {slug, name}})
     * @param products the category's first listing page ({@code GET /catalog/api/products?category=})
     */
    public String category(JsonObject category, JsonObject products, String origin) {
        String canonical = origin + "/c/" + category.getString("slug");
        String name = category.getString("name");
        long total = products.getJsonNumber("total").longValue();
        String description = summary(name + ": " + total + " products at " + shopName + ".", name);
        JsonArrayBuilder items = Json.createArrayBuilder();
        int position = 1;
        for (JsonValue value : products.getJsonArray("items")) {
            JsonObject item = value.asJsonObject();
            items.add(Json.createObjectBuilder().add("@type", "ListItem").add("position", position++)
                    .add("url", origin + "/p/" + item.getString("slug")).add("name", item.getString("name")));
        }
        JsonObject data = Json.createObjectBuilder().add("@context", "https://schema.org")
                .add("@type", "CollectionPage").add("name", name).add("url", canonical)
                .add("mainEntity", Json.createObjectBuilder().add("@type", "ItemList")
                        .add("numberOfItems", total).add("itemListElement", items))
                .build();
        return common(name, description, canonical, "website").append(jsonLd(data)).toString();
    }

    /**
     * A {@code <link rel="preload">} for a picture the page shows first (its largest paint), with the same
     * {@code srcset} and {@code sizes} as the {@code <img>} the script renders, so the browser fetches the width
     * it will use while the script is still loading.
     *
     * @param image the catalog's image JSON ({@code {url, srcset}})
     * @param sizes the {@code sizes} the page shows it at
     */
    public static String preloadPicture(JsonObject image, String sizes) {
        String url = text(image, "url");
        if (url.isEmpty()) {
            return "";
        }
        StringBuilder link = new StringBuilder("<link rel=\"preload\" as=\"image\" href=\"").append(html(url))
                .append('"');
        String srcset = text(image, "srcset");
        if (srcset.matches(".*\\s\\d+w\\s*(,.*)?")) {
            link.append(" imagesrcset=\"").append(html(srcset)).append("\" imagesizes=\"").append(html(sizes))
                    .append('"');
        }
        return link.append(" fetchpriority=\"high\">\n").toString();
    }

    /**
     * The catalog's answers this page's script would ask for first, by request path, in a
     * {@code <script type="application/json">} the script reads instead of asking (one round trip fewer before
     * the first paint). Escaped like JSON-LD; not executable, so the page's Content-Security-Policy is unchanged.
     */
    public static String preloadedAnswers(Map<String, JsonValue> answers) {
        if (answers.isEmpty()) {
            return "";
        }
        JsonObjectBuilder data = Json.createObjectBuilder();
        answers.forEach(data::add);
        return "<script type=\"application/json\" id=\"" + PRELOADED_ID + "\">" + scriptSafe(data.build())
                + "</script>\n";
    }

    /** A page the catalog does not have: a title, and no indexing. */
    public String notFound() {
        return "<title>Not found · " + html(shopName) + "</title>\n<meta name=\"robots\" content=\"noindex\">\n";
    }

    private StringBuilder common(String name, String description, String canonical, String type) {
        String title = name + " · " + shopName;
        return new StringBuilder().append("<title>").append(html(title)).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(html(description)).append("\">\n")
                .append("<link rel=\"canonical\" href=\"").append(html(canonical)).append("\">\n")
                .append("<meta property=\"og:type\" content=\"").append(type).append("\">\n")
                .append("<meta property=\"og:title\" content=\"").append(html(title)).append("\">\n")
                .append("<meta property=\"og:description\" content=\"").append(html(description)).append("\">\n")
                .append("<meta property=\"og:url\" content=\"").append(html(canonical)).append("\">\n");
    }

    /** Minor units as the decimal schema.org expects ({@code 1999} EUR is {@code "19.99"}): ISO 4217 digits. */
    static String decimal(JsonObject money) {
        int digits = Currency.getInstance(money.getString("currency")).getDefaultFractionDigits();
        return BigDecimal.valueOf(money.getJsonNumber("amount").longValueExact(), Math.max(digits, 0))
                .toPlainString();
    }

    /** At most {@link #DESCRIPTION_LENGTH} characters, cut at a word, on one line; the name when empty. */
    static String summary(String text, String fallback) {
        String flat = text.replaceAll("\\s+", " ").trim();
        if (flat.isEmpty()) {
            return fallback;
        }
        if (flat.length() <= DESCRIPTION_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', DESCRIPTION_LENGTH - 1);
        return flat.substring(0, cut > DESCRIPTION_LENGTH / 2 ? cut : DESCRIPTION_LENGTH - 1) + "…";
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof jakarta.json.JsonString s ? s.getString() : "";
    }

    private static String jsonLd(JsonObject data) {
        return "<script type=\"application/ld+json\">" + scriptSafe(data) + "</script>\n";
    }

    /** JSON that no text in it can end a script element with: {@code <}, {@code >}, {@code &} as JSON escapes. */
    private static String scriptSafe(JsonObject data) {
        return data.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** Text safe in HTML content and double-quoted attributes. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
