package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff bulk-import products from CSV: bad rows are rejected with their line numbers, good ones imported. */
@ExtendWith(PlatformExtension.class)
class ImportIT {

    private static Http.Reply postCsv(String csv, String token) {
        return PlatformExtension.http().send(PlatformExtension.http().request("/catalog/api/imports", token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    @Test
    void importsGoodProductsAndRejectsBadRowsByLine() throws Exception {
        String staff = PlatformExtension.staffToken();
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String p = run.toLowerCase();
        String csv = "slug,name,brand,category,sku,price,currency,variant_attributes\n"
                + "tee-" + p + ",Import Tee " + run + ",Basics,t-shirts,TEE-" + run + "-S,1500,EUR,size=S\n"
                + "tee-" + p + ",Import Tee " + run + ",Basics,t-shirts,TEE-" + run + "-M,1600,EUR,size=M\n"
                + "mug-" + p + ",Import Mug " + run + ",Cucina,cookware,MUG-" + run + ",900,EUR,\n"
                + "bad-" + p + ",Negative " + run + ",,,NEG-" + run + ",-5,EUR,\n"
                + "odd-" + p + ",Odd money " + run + ",,,ODD-" + run + ",100,XYZ,\n"
                + "cat-" + p + ",No category " + run + ",,no-such-category,CAT-" + run + ",100,EUR,\n"
                + "twin-" + p + ",Twin " + run + ",,,TEE-" + run + "-S,100,EUR,\n"
                + "half-" + p + ",Half " + run + ",,,HALF-" + run + "-1,100,EUR,\n"
                + "half-" + p + ",Half " + run + ",,,HALF-" + run + "-2,abc,EUR,\n";
        UserApiIT.assertProblem(postCsv(csv, UserApiIT.newSignedInCustomer().getString("access_token")), 403);

        Http.Reply started = postCsv(csv, staff);
        assertEquals(202, started.status(), started.body());
        assertNotNull(started.header("Location"));
        String id = started.json().getString("id");
        JsonObject status = started.json();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"DONE".equals(status.getString("state")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = PlatformExtension.http().get("/catalog/api/imports/" + id, staff).json();
        }
        assertEquals("DONE", status.getString("state"), status.toString());
        assertEquals(2, status.getInt("imported"), status.toString());
        Map<Integer, String> rejected = status.getJsonArray("rejected").stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(r -> r.getInt("line"), r -> r.getString("message")));
        assertEquals(Map.of(5, rejected.get(5), 6, rejected.get(6), 7, rejected.get(7), 8, rejected.get(8),
                10, rejected.get(10)), rejected, rejected.toString());
        assertTrue(rejected.get(5).contains("negative"), rejected.get(5));
        assertTrue(rejected.get(6).contains("currency"), rejected.get(6));
        assertTrue(rejected.get(7).contains("no-such-category"), rejected.get(7));
        assertTrue(rejected.get(8).contains("twice"), rejected.get(8));
        assertTrue(rejected.get(10).contains("price"), rejected.get(10));

        JsonObject tee = PlatformExtension.http().get("/catalog/api/products/tee-" + p, null).json();
        assertEquals(2, tee.getJsonArray("variants").size());
        assertEquals("t-shirts", tee.getJsonObject("category").getString("slug"));
        // no half product: the valid first row of "half" was not imported either
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/products/half-" + p, null), 404);
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/products/bad-" + p, null), 404);
        // imported products are searchable (indexed after commit: polled for, not slept on)
        Eventually.within(java.time.Duration.ofSeconds(5), "the imported mug in search results",
                () -> PlatformExtension.http().get("/catalog/api/products?q=Import%20Mug%20" + run, null).json()
                        .getJsonArray("items").stream().filter(i -> i.asJsonObject().getString("slug").equals(
                                "mug-" + p))
                        .count() == 1);
    }

    @Test
    void importsJsonToo() throws Exception {
        String staff = PlatformExtension.staffToken();
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String p = run.toLowerCase();
        String json = "[{\"slug\":\"kettle-" + p + "\",\"name\":\"Kettle " + run + "\",\"category\":\"cookware\","
                + "\"attributes\":{\"material\":\"steel\"},\"variants\":[{\"sku\":\"KET-" + run
                + "\",\"price\":{\"amount\":3900,\"currency\":\"EUR\"}}]},"
                + "{\"slug\":\"broken-" + p + "\",\"name\":\"Broken\",\"variants\":[{\"sku\":\"BRK-" + run
                + "\",\"price\":{\"amount\":-1,\"currency\":\"EUR\"}}]}]";
        Http.Reply started = PlatformExtension.http().send(PlatformExtension.http()
                .request("/catalog/api/imports", staff).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertEquals(202, started.status(), started.body());
        JsonObject status = started.json();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"DONE".equals(status.getString("state")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = PlatformExtension.http().get("/catalog/api/imports/" + status.getString("id"), staff).json();
        }
        assertEquals(1, status.getInt("imported"), status.toString());
        assertEquals(2, status.getJsonArray("rejected").getJsonObject(0).getInt("line"), "the second product");
        assertEquals("steel", PlatformExtension.http().get("/catalog/api/products/kettle-" + p, null).json()
                .getJsonObject("attributes").getString("material"));
        UserApiIT.assertProblem(PlatformExtension.http().send(PlatformExtension.http()
                .request("/catalog/api/imports", staff).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"not\":\"an array\"}")).build()), 400);
    }

    private static JsonObject finished(Http.Reply started, String staff) {
        assertEquals(202, started.status(), started.body());
        String id = started.json().getString("id");
        Eventually.within(java.time.Duration.ofSeconds(30), "the import finishes",
                () -> "DONE".equals(PlatformExtension.http().get("/catalog/api/imports/" + id, staff).json()
                        .getString("state")));
        return PlatformExtension.http().get("/catalog/api/imports/" + id, staff).json();
    }

    private static Map<Integer, String> rejections(JsonObject status) {
        return status.getJsonArray("rejected").stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(r -> r.getInt("line"), r -> r.getString("message")));
    }

    /** A JSON import product with one variant; name, amount and attributes as JSON text. */
    private static String jsonProduct(String slug, String name, String amount, String attributes, String extra) {
        return "{\"slug\":\"" + slug + "\",\"name\":" + name + extra + ",\"attributes\":" + attributes
                + ",\"variants\":[{\"sku\":\"" + slug.toUpperCase() + "\",\"price\":{\"amount\":" + amount
                + ",\"currency\":\"EUR\"}}]}";
    }

    @Test
    void jsonRowsFollowTheProductApiRulesAndRefusedOnesStoreNothing() {
        String staff = PlatformExtension.staffToken();
        String p = "hj-" + UUID.randomUUID().toString().substring(0, 6);
        ServiceDatabase db = ServiceDatabase.catalog();
        String json = "[" + jsonProduct(p + "-good", "\"Good " + p + "\"", "250", "{\"colour\":\"black\"}", "")
                + "," + jsonProduct(p + "-nul", "\"Nul\\u0000name\"", "250", "{}", "")
                + "," + jsonProduct(p + "-unknown", "\"Unknown\"", "250", "{}", ",\"bogusField\":1")
                + "," + jsonProduct(p + "-quoted", "\"Quoted\"", "\"250\"", "{}", "")
                + "," + jsonProduct(p + "-null-attr", "\"Null attribute\"", "250", "{\"colour\":null}", "")
                + "," + jsonProduct(p + "-number-attr", "\"Number attribute\"", "250", "{\"colour\":5}", "")
                + "," + jsonProduct(p + "-surrogate", "\"Lone \\ud800\"", "250", "{}", "")
                + "," + jsonProduct(p + "-markup", "\"Markup\"", "250", "{\"<img src=x onerror=alert(1)>\":\" \"}",
                        "")
                + "," + jsonProduct(p + "-good2", "\"Good two " + p + "\"", "100", "{}", "") + "]";
        JsonObject status = finished(PlatformExtension.http().send(PlatformExtension.http()
                .request("/catalog/api/imports", staff).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build()), staff);
        assertEquals(2, status.getInt("imported"), status.toString());
        Map<Integer, String> rejected = rejections(status);
        assertEquals(java.util.Set.of(2, 3, 4, 5, 6, 7, 8), rejected.keySet(), rejected.toString());
        assertTrue(rejected.get(2).startsWith("name: "), rejected.get(2));
        assertTrue(rejected.get(3).contains("bogusField"), rejected.get(3));
        assertTrue(rejected.get(4).contains("variants[0].price.amount"), rejected.get(4));
        assertTrue(rejected.get(5).contains("colour"), rejected.get(5));
        assertTrue(rejected.get(6).contains("attributes.colour"), rejected.get(6));
        assertTrue(rejected.get(7).startsWith("name: "), rejected.get(7));
        String all = status.getJsonArray("rejected").toString();
        assertFalse(all.contains("<img") || all.contains("\\u003cimg") || all.contains("ERROR")
                || all.contains("UTF8"), all);
        // nothing of a refused product reached the database; the good ones did, as typed
        assertEquals(2, db.count("select count(*) from product where slug like ?", p + "-%"));
        assertEquals(2, db.count("select count(*) from variant where sku like ?", p.toUpperCase() + "-%"));
        assertEquals(250, PlatformExtension.http().get("/catalog/api/products/" + p + "-good", null).json()
                .getJsonArray("variants").getJsonObject(0).getJsonObject("price").getInt("amount"));
    }

    @Test
    void csvCellsFollowTheProductApiRulesAndRefusedRowsStoreNothing() {
        String staff = PlatformExtension.staffToken();
        String p = "hc-" + UUID.randomUUID().toString().substring(0, 6);
        String s = p.toUpperCase();
        ServiceDatabase db = ServiceDatabase.catalog();
        String csv = "slug,name,sku,price,currency,variant_attributes\n"
                + p + "-good,Good " + p + "," + s + "-GOOD,250,EUR,size=M\n"
                + p + "-nul,Nul\u0000name," + s + "-NUL,250,EUR,\n"
                + p + "-fraction,Fraction," + s + "-FRACTION,2.5,EUR,\n"
                + p + "-two,Two rows," + s + "-TWO-1,100,EUR,size=S\n"
                + p + "-two,Two rows," + s + "-TWO-2,100,EUR,size=M\u0007\n"
                + p + "-break,\"Line\nbreak\"," + s + "-BREAK,100,EUR,\n"
                + p + "-blank,\u200b," + s + "-BLANK,100,EUR,\n"
                + p + "-good2,Good two " + p + "," + s + "-GOOD2,100,EUR,\n";
        JsonObject status = finished(postCsv(csv, staff), staff);
        assertEquals(2, status.getInt("imported"), status.toString());
        Map<Integer, String> rejected = rejections(status);
        assertEquals(java.util.Set.of(3, 4, 6, 7, 9), rejected.keySet(), rejected.toString());
        assertTrue(rejected.get(3).startsWith("name: must not contain control characters"), rejected.get(3));
        assertTrue(rejected.get(4).startsWith("price: "), rejected.get(4));
        assertTrue(rejected.get(6).startsWith("variant_attributes: "), "the bad row's own line: " + rejected.get(6));
        assertTrue(rejected.get(7).startsWith("name: "), rejected.get(7));
        assertTrue(rejected.get(9).contains("name"), "only an invisible character: " + rejected.get(9));
        assertEquals(2, db.count("select count(*) from product where slug like ?", p + "-%"));
        assertEquals(2, db.count("select count(*) from variant where sku like ?", s + "-%"));

        // a column imports do not have is refused before anything is read, naming it without markup
        Http.Reply unknown = postCsv("slug,name,sku,price,currency,<b>bogus\n" + p + "-x,X," + s + "-X,1,EUR,y\n",
                staff);
        UserApiIT.assertProblem(unknown, 400);
        assertTrue(unknown.body().contains("bogus") && !unknown.body().contains("<b>")
                && !unknown.body().contains("\\u003cb"), unknown.body());
        assertEquals(0, db.count("select count(*) from product where slug = ?", p + "-x"));
    }

    @Test
    void aFileWithoutTheRequiredColumnsIs400() {
        String staff = PlatformExtension.staffToken();
        UserApiIT.assertProblem(postCsv("slug,name\nx,X\n", staff), 400);
    }
}
