package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        String staff = UserApiIT.login(PlatformExtension.ADMIN_EMAIL, PlatformExtension.ADMIN_PASSWORD)
                .getString("access_token");
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
        String staff = UserApiIT.login(PlatformExtension.ADMIN_EMAIL, PlatformExtension.ADMIN_PASSWORD)
                .getString("access_token");
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

    @Test
    void aFileWithoutTheRequiredColumnsIs400() {
        String staff = UserApiIT.login(PlatformExtension.ADMIN_EMAIL, PlatformExtension.ADMIN_PASSWORD)
                .getString("access_token");
        UserApiIT.assertProblem(postCsv("slug,name\nx,X\n", staff), 400);
    }
}
