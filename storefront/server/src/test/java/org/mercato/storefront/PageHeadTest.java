package org.mercato.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class PageHeadTest {

    private static final PageHead HEADS = new PageHead("Mercato");

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static final JsonObject MUG = json("""
            {"id": "1", "slug": "blue-mug", "name": "Blue Mug", "brand": "Potter",
             "description": "A mug.\\nHolds tea.",
             "images": [{"id": "i1", "url": "/catalog/api/images/i1"}],
             "variants": [{"sku": "MUG-1", "price": {"amount": 1999, "currency": "EUR"}, "inStock": true},
                          {"sku": "MUG-2", "price": {"amount": 2499, "currency": "EUR"}, "inStock": false}]}
            """);

    private static JsonObject jsonLd(String head) {
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(
                head);
        assertTrue(m.find(), head);
        return json(m.group(1));
    }

    @Test
    void aProductPageCarriesTitleDescriptionCanonicalAndProductData() {
        String head = HEADS.product(MUG, "https://shop.example");
        assertTrue(head.contains("<title>Blue Mug · Mercato</title>"), head);
        assertTrue(head.contains("<meta name=\"description\" content=\"A mug. Holds tea.\">"), head);
        assertTrue(head.contains("<link rel=\"canonical\" href=\"https://shop.example/p/blue-mug\">"), head);
        JsonObject data = jsonLd(head);
        assertEquals("Product", data.getString("@type"));
        assertEquals("Potter", data.getJsonObject("brand").getString("name"));
        assertEquals("https://shop.example/catalog/api/images/i1", data.getJsonArray("image").getString(0));
        JsonObject first = data.getJsonArray("offers").getJsonObject(0);
        assertEquals("19.99", first.getString("price"));
        assertEquals("EUR", first.getString("priceCurrency"));
        assertEquals("https://schema.org/InStock", first.getString("availability"));
        assertEquals("https://schema.org/OutOfStock", data.getJsonArray("offers").getJsonObject(1).getString(
                "availability"));
    }

    @Test
    void productTextCannotBreakOutOfTheHead() {
        JsonObject hostile = Json.createObjectBuilder(MUG).add("name", "</title><script>alert(1)</script>\"'")
                .add("description", "</script><img src=x onerror=alert(1)>").build();
        String head = HEADS.product(hostile, "https://shop.example");
        assertFalse(head.contains("<script>alert"), head);
        assertFalse(head.contains("<img"), head);
        assertEquals(2, head.split("</script>", -1).length, "one script element, closed once: " + head);
        assertEquals("</title><script>alert(1)</script>\"'", jsonLd(head).getString("name"));
    }

    @Test
    void pricesFollowTheCurrencysMinorUnits() {
        assertEquals("1999", PageHead.decimal(json("{\"amount\": 1999, \"currency\": \"JPY\"}")));
        assertEquals("1.999", PageHead.decimal(json("{\"amount\": 1999, \"currency\": \"KWD\"}")));
        assertEquals("0.05", PageHead.decimal(json("{\"amount\": 5, \"currency\": \"EUR\"}")));
    }

    @Test
    void longDescriptionsAreCutAtAWord() {
        String words = "word ".repeat(100);
        String summary = PageHead.summary(words, "x");
        assertTrue(summary.length() <= PageHead.DESCRIPTION_LENGTH, summary);
        assertTrue(summary.endsWith("word…"), summary);
        assertEquals("Fallback", PageHead.summary("  \n ", "Fallback"));
    }

    @Test
    void aCategoryPageListsItsProducts() {
        JsonObject listing = json("""
                {"items": [{"slug": "blue-mug", "name": "Blue Mug"}, {"slug": "red-mug", "name": "Red Mug"}],
                 "total": 14}
                """);
        String head = HEADS.category(json("{\"slug\": \"mugs\", \"name\": \"Mugs\"}"), listing, "http://a:8080");
        assertTrue(head.contains("<link rel=\"canonical\" href=\"http://a:8080/c/mugs\">"), head);
        JsonObject list = jsonLd(head).getJsonObject("mainEntity");
        assertEquals(14, list.getInt("numberOfItems"));
        assertEquals("http://a:8080/p/red-mug", list.getJsonArray("itemListElement").getJsonObject(1).getString(
                "url"));
    }

    @Test
    void theHeadReplacesTheIndexTitle() {
        String index = "<html><head><meta charset=\"UTF-8\"><title>Mercato</title></head><body></body></html>";
        String page = ShopPages.withHead(index, "<title>Mug</title>\n");
        assertEquals("<html><head><meta charset=\"UTF-8\"><title>Mug</title>\n</head><body></body></html>", page);
        assertEquals("<head>X</head>", ShopPages.withHead("<head></head>", "X"));
    }

    @Test
    void theSitemapHoldsHomeCategoriesAndProducts() {
        String xml = Sitemap.xml(json("""
                {"products": [{"path": "/p/blue-mug", "lastModified": "2026-12-01T10:00:00Z"}],
                 "categories": [{"path": "/c/mugs"}]}
                """), "https://shop.example");
        assertTrue(xml.contains("<loc>https://shop.example/</loc>"), xml);
        assertTrue(xml.contains("<url><loc>https://shop.example/p/blue-mug</loc><lastmod>2026-12-01T10:00:00Z"
                + "</lastmod></url>"), xml);
        assertTrue(xml.contains("<loc>https://shop.example/c/mugs</loc>"), xml);
        assertTrue(Sitemap.robots("https://shop.example").contains("Sitemap: https://shop.example/sitemap.xml"));
    }

    @Test
    void theFirstPictureIsPreloadedInTheWidthsThePageShows() {
        String link = PageHead.preloadPicture(json("""
                {"url": "/catalog/api/images/i1",
                 "srcset": "/catalog/api/images/i1?w=160 160w, /catalog/api/images/i1 1200w"}
                """), PageHead.CARD_SIZES);
        assertEquals("<link rel=\"preload\" as=\"image\" href=\"/catalog/api/images/i1\" imagesrcset=\""
                + "/catalog/api/images/i1?w=160 160w, /catalog/api/images/i1 1200w\" imagesizes=\""
                + PageHead.CARD_SIZES + "\" fetchpriority=\"high\">\n", link);
        // a picture of unknown width has its one URL as srcset: no choice to offer
        assertEquals("<link rel=\"preload\" as=\"image\" href=\"/catalog/api/images/i2\" fetchpriority=\"high\">\n",
                PageHead.preloadPicture(
                        json("{\"url\": \"/catalog/api/images/i2\", \"srcset\": \"/catalog/api/images/i2\"}"),
                        PageHead.GALLERY_SIZES));
        assertEquals("", PageHead.preloadPicture(json("{}"), PageHead.CARD_SIZES));
    }

    @Test
    void preloadedAnswersAreJsonNoTextCanCloseTheScript() {
        JsonObject hostile = Json.createObjectBuilder(MUG).add("name", "</script><script>alert(1)</script>")
                .build();
        String script = PageHead.preloadedAnswers(java.util.Map.of("/catalog/api/products/blue-mug", hostile));
        assertTrue(script.startsWith("<script type=\"application/json\" id=\"mercato-preloaded\">"), script);
        assertEquals(2, script.split("</script>", -1).length, "one script element, closed once: " + script);
        String json = script.substring(script.indexOf('>') + 1, script.lastIndexOf("</script>"));
        assertEquals("</script><script>alert(1)</script>", json(json).getJsonObject("/catalog/api/products/blue-mug")
                .getString("name"));
        assertEquals("", PageHead.preloadedAnswers(java.util.Map.of()));
    }
}
