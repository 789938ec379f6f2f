package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Product images: staff upload and remove them; shoppers (and CDNs) read them, whole or resized to a srcset's
 * widths, with long-lived cache headers; the demo catalog has pictures drawn for it and results carry the main one.
 */
@ExtendWith(PlatformExtension.class)
class ImageIT {

    private static ServiceDatabase db;
    private static String staff;
    private static String customer;

    @BeforeAll
    static void signIn() {
        db = ServiceDatabase.catalog();
        staff = PlatformExtension.staffToken();
        customer = UserApiIT.newSignedInCustomer().getString("access_token");
        // the demo catalog's pictures are drawn in the background after start; the tests that count rows and files
        // need them all stored (a full run is long past this by the time it gets here)
        Eventually.within(java.time.Duration.ofMinutes(6), "every demo product pictured",
                () -> db.count("select count(*) from product p where not exists (select 1 from product_image i"
                        + " where i.product_id = p.id) and exists (select 1 from variant v where v.product_id = p.id"
                        + " and v.sku like 'D16-%')") == 0);
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static byte[] png(Color colour) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, 40, 30);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A product with two colour variants; returns its JSON. */
    private static JsonObject shirt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String body = "{\"name\":\"Linen Shirt " + suffix + "\",\"status\":\"ACTIVE\",\"variants\":["
                + "{\"sku\":\"SHIRT-RED-" + suffix + "\",\"attributes\":{\"colour\":\"red\"},"
                + "\"price\":{\"amount\":4900,\"currency\":\"EUR\"}},"
                + "{\"sku\":\"SHIRT-BLUE-" + suffix + "\",\"attributes\":{\"colour\":\"blue\"},"
                + "\"price\":{\"amount\":4900,\"currency\":\"EUR\"}}]}";
        Http.Reply created = http().post("/catalog/api/products", body, staff);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static long imageRows() {
        return db.count("select count(*) from product_image");
    }

    private static long imageFiles() throws IOException {
        Path dir = PlatformExtension.sharedDataDir().resolve("catalog-images");
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void staffUploadAnImageThatAnyoneReadsWithCacheHeaders() throws IOException {
        JsonObject product = shirt();
        String id = product.getString("id");
        String redSku = product.getJsonArray("variants").getJsonObject(0).getString("sku");
        byte[] picture = png(Color.RED);

        Http.Reply uploaded = http().postBytes("/catalog/api/products/" + id + "/images?alt=Red%20shirt&sku="
                + redSku, "image/png", picture, staff);
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonObject image = uploaded.json();
        assertEquals("image/png", image.getString("contentType"));
        assertEquals(picture.length, image.getInt("size"));
        assertEquals(redSku, image.getString("sku"));
        assertEquals("Red shirt", image.getString("alt"));
        String url = image.getString("url");
        assertTrue(uploaded.header("Location").endsWith(url), uploaded.header("Location"));

        HttpResponse<byte[]> served = http().getBytes(url);
        assertEquals(200, served.statusCode());
        assertArrayEquals(picture, served.body());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        String cache = served.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cache.contains("public") && cache.contains("max-age=31536000") && cache.contains("immutable"),
                cache);
        String etag = served.headers().firstValue("ETag").orElse(null);
        assertNotNull(etag);
        assertEquals(304, http().getBytes(url, "If-None-Match", etag).statusCode());

        JsonObject page = http().get("/catalog/api/products/" + id, null).json();
        assertEquals(url, page.getJsonArray("images").getJsonObject(0).getString("url"));
        assertEquals(product.getInt("version") + 1, page.getInt("version"), "an image is a change to the product");

        // 40 x 30 pixels: no resized width is narrower, so the srcset is the original alone, never scaled up
        assertEquals(40, image.getInt("width"));
        assertEquals(30, image.getInt("height"));
        assertEquals(url + " 40w", image.getString("srcset"));
        HttpResponse<byte[]> wider = http().getBytes(url + "?w=160");
        assertEquals(200, wider.statusCode());
        assertArrayEquals(picture, wider.body());
    }

    /** The demo catalog's pictures are drawn in the background after start: wait for one listing to show them. */
    private static JsonObject pictured(String category) {
        JsonObject[] found = new JsonObject[1];
        Eventually.within(java.time.Duration.ofSeconds(180), "demo pictures in the " + category + " listing", () -> {
            Http.Reply listing = http().get("/catalog/api/products?category=" + category + "&size=50", null);
            assertEquals(200, listing.status(), listing.body());
            for (var item : listing.json().getJsonArray("items")) {
                if (item.asJsonObject().get("image") instanceof JsonObject) {
                    found[0] = item.asJsonObject();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    }

    @Test
    void demoProductsHavePicturesAndListingsCarryTheMainOne() throws IOException {
        JsonObject item = pictured("lighting");
        JsonObject main = item.getJsonObject("image");
        String url = main.getString("url");
        assertEquals("image/jpeg", main.getString("contentType"));
        assertEquals(1200, main.getInt("width"));
        assertEquals(1200, main.getInt("height"));
        assertEquals(url + "?w=160 160w, " + url + "?w=320 320w, " + url + "?w=480 480w, " + url + "?w=640 640w, "
                + url + " 1200w",
                main.getString("srcset"));

        JsonObject product = http().get("/catalog/api/products/" + item.getString("slug"), null).json();
        var images = product.getJsonArray("images");
        assertTrue(images.size() >= 1 && images.size() <= 3, images.toString());
        assertEquals(url, images.getJsonObject(0).getString("url"), "the listing shows the first picture");
        for (var picture : images) {
            if (!picture.asJsonObject().isNull("sku")) {
                String sku = picture.asJsonObject().getString("sku");
                assertTrue(product.getJsonArray("variants").stream()
                        .anyMatch(v -> v.asJsonObject().getString("sku").equals(sku)), sku);
            }
        }
        HttpResponse<byte[]> original = http().getBytes(url);
        assertEquals(200, original.statusCode());
        BufferedImage drawn = decode(original.body());
        assertEquals(1200, drawn.getWidth());
        assertEquals(1200, drawn.getHeight());

        // listings without a picture say so rather than leaving the field out
        Http.Reply all = http().get("/catalog/api/products?size=100", null);
        for (var listed : all.json().getJsonArray("items")) {
            assertTrue(listed.asJsonObject().containsKey("image"), listed.toString());
        }
    }

    @Test
    void aWidthIsServedResizedWithItsOwnTagAndImmutableCaching() throws IOException {
        String url = pictured("headphones").getJsonObject("image").getString("url");
        String originalTag = http().getBytes(url).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> small = http().getBytes(url + "?w=320");
        assertEquals(200, small.statusCode());
        assertEquals("image/jpeg", small.headers().firstValue("Content-Type").orElse(""));
        BufferedImage resized = decode(small.body());
        assertEquals(320, resized.getWidth());
        assertEquals(320, resized.getHeight());
        String cache = small.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cache.contains("public") && cache.contains("max-age=31536000") && cache.contains("immutable"),
                cache);
        String tag = small.headers().firstValue("ETag").orElseThrow();
        assertFalse(tag.equals(originalTag), "each width has its own tag");
        assertEquals(304, http().getBytes(url + "?w=320", "If-None-Match", tag).statusCode());
        assertArrayEquals(small.body(), http().getBytes(url + "?w=320").body(), "resized once, the same bytes after");
        assertEquals(160, decode(http().getBytes(url + "?w=160").body()).getWidth());
    }

    @Test
    void aWidthThatIsNotServedIsABadRequest() {
        String url = pictured("speakers").getJsonObject("image").getString("url");
        for (String w : new String[]{"300", "abc", "0", "-320", ""}) {
            Http.Reply refused = http().get(url + "?w=" + w, null);
            UserApiIT.assertProblem(refused, 400);
            assertEquals("w", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"), w);
        }
        assertEquals(404, http().getBytes("/catalog/api/images/" + UUID.randomUUID() + "?w=320").statusCode());
    }

    @Test
    void badUploadsAreRefusedAndStoreNothing() throws IOException {
        String id = shirt().getString("id");
        long rows = imageRows();
        long files = imageFiles();
        String path = "/catalog/api/products/" + id + "/images";

        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        UserApiIT.assertProblem(http().postBytes(path, "image/png", html, staff), 400);
        UserApiIT.assertProblem(http().postBytes(path, "image/jpeg", png(Color.BLUE), staff), 400);
        UserApiIT.assertProblem(http().postBytes(path + "?sku=NO-SUCH-SKU", "image/png", png(Color.BLUE), staff),
                400);
        UserApiIT.assertProblem(http().postBytes(path, "image/png", new byte[0], staff), 400);
        UserApiIT.assertProblem(http().postBytes(path, "image/png", new byte[9 * 1024 * 1024], staff), 413);
        UserApiIT.assertProblem(http().postBytes(path, "image/png", png(Color.BLUE), customer), 403);
        UserApiIT.assertProblem(http().postBytes(path, "image/png", png(Color.BLUE), null), 401);
        UserApiIT.assertProblem(http().postBytes("/catalog/api/products/" + UUID.randomUUID() + "/images",
                "image/png", png(Color.BLUE), staff), 404);

        assertEquals(rows, imageRows(), "no image row stored");
        assertEquals(files, imageFiles(), "no image file left behind");
    }

    @Test
    void aRemovedImageIsGoneFromTheProductAndTheDisk() throws IOException {
        String id = shirt().getString("id");
        Http.Reply uploaded = http().postBytes("/catalog/api/products/" + id + "/images", "image/png",
                png(Color.GREEN), staff);
        assertEquals(201, uploaded.status(), uploaded.body());
        String imageId = uploaded.json().getString("id");
        Path file = PlatformExtension.sharedDataDir().resolve("catalog-images").resolve(imageId);
        assertTrue(Files.exists(file));

        assertEquals(204, http().delete("/catalog/api/products/" + id + "/images/" + imageId, staff).status());
        assertEquals(404, http().getBytes("/catalog/api/images/" + imageId).statusCode());
        assertTrue(http().get("/catalog/api/products/" + id, null).json().getJsonArray("images").isEmpty());
        assertFalse(Files.exists(file), "the file is deleted once the removal commits");
        UserApiIT.assertProblem(http().delete("/catalog/api/products/" + id + "/images/" + imageId, staff), 404);
    }

    @Test
    void staffPutThePicturesInOrderAndTheFirstIsTheMainOne() throws IOException {
        String id = shirt().getString("id");
        String front = http().postBytes("/catalog/api/products/" + id + "/images", "image/png", png(Color.RED), staff)
                .json().getString("id");
        String back = http().postBytes("/catalog/api/products/" + id + "/images", "image/png", png(Color.BLUE), staff)
                .json().getString("id");
        String path = "/catalog/api/products/" + id + "/images/order";

        assertEquals(204, http().put(path, "{\"imageIds\":[\"" + back + "\",\"" + front + "\"]}", staff).status());

        var images = http().get("/catalog/api/products/" + id, staff).json().getJsonArray("images");
        assertEquals(back, images.getJsonObject(0).getString("id"));
        assertEquals(front, images.getJsonObject(1).getString("id"));
        // not exactly its pictures, not ids, or not staff: refused, the order stays
        UserApiIT.assertProblem(http().put(path, "{\"imageIds\":[\"" + back + "\"]}", staff), 400);
        UserApiIT.assertProblem(http().put(path, "{\"imageIds\":[\"" + back + "\",\"x\"]}", staff), 400);
        UserApiIT.assertProblem(http().put(path, "{\"imageIds\":[\"" + front + "\",\"" + back + "\"]}", customer),
                403);
        assertEquals(back, http().get("/catalog/api/products/" + id, staff).json().getJsonArray("images")
                .getJsonObject(0).getString("id"));
    }
}
