package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conflicts the database decides, sent as racing clients send them: edits of one product version at once, an edit
 * or a creation taking a SKU another product holds (or takes at the same moment), reindexes at once. Each loser is
 * a 409 problem+json naming the kind of conflict, never a 5xx.
 */
@ExtendWith(PlatformExtension.class)
class ConflictsIT {

    private static final String PROBLEMS = "https://mercato.dev/problems/";
    private static String staff;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    private static String body(String name, long version, String sku, long amount) {
        return "{\"name\":\"" + name + "\",\"status\":\"DRAFT\",\"version\":" + version + ",\"variants\":[{\"sku\":\""
                + sku + "\",\"price\":{\"amount\":" + amount + ",\"currency\":\"EUR\"}}]}";
    }

    private static JsonObject created(String name, String sku) {
        Http.Reply created = http().post("/catalog/api/products", "{\"name\":\"" + name + "\",\"status\":\"DRAFT\","
                + "\"variants\":[{\"sku\":\"" + sku + "\",\"price\":{\"amount\":100,\"currency\":\"EUR\"}}]}", staff);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    /** The replies of requests sent at the same moment (released together once every thread is ready). */
    private static List<Http.Reply> atOnce(List<Callable<Http.Reply>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Http.Reply>> futures = new ArrayList<>();
            for (Callable<Http.Reply> request : requests) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await(30, TimeUnit.SECONDS);
                    return request.call();
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> future : futures) {
                replies.add(future.get(120, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A 409 problem+json of the given type. */
    private static void assertConflict(String type, Http.Reply reply) {
        UserApiIT.assertProblem(reply, 409);
        assertEquals(PROBLEMS + type, reply.json().getString("type"), reply.body());
    }

    /** Exactly one of the replies has {@code winner}; every other one is a 409 problem of {@code type}. */
    private static void assertOneWins(int winner, String type, List<Http.Reply> replies) {
        int won = 0;
        for (Http.Reply reply : replies) {
            assertTrue(reply.status() < 500, "never a server error: " + reply.status() + " " + reply.body());
            if (reply.status() == winner) {
                won++;
            } else {
                assertConflict(type, reply);
            }
        }
        assertEquals(1, won, "exactly one wins: " + replies.stream().map(Http.Reply::status).toList());
    }

    @Test
    void editsOfOneVersionAtOnceStoreOneAndTheOthersGetTheStaleVersion409() throws Exception {
        for (int round = 0; round < 3; round++) {
            String sku = "RUPD-" + unique();
            JsonObject product = created("Race Upd " + unique(), sku);
            String id = product.getString("id");
            long version = product.getJsonNumber("version").longValue();
            List<Callable<Http.Reply>> edits = new ArrayList<>();
            String name = "Race Upd " + unique();
            for (int n = 1; n <= 3; n++) {
                // a name (and so a slug) of this round's own: an earlier round's product keeps its slug
                String edit = body(name + " " + n, version, sku, 100 + n);
                edits.add(() -> http().put("/catalog/api/products/" + id, edit, staff));
            }
            List<Http.Reply> replies = atOnce(edits);
            assertOneWins(200, "stale-version", replies);
            JsonObject stored = http().get("/catalog/api/products/" + id, staff).json();
            assertEquals(version + 1, stored.getJsonNumber("version").longValue(), "one edit stored: " + stored);
            String winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json()
                    .getString("name");
            assertEquals(winner, stored.getString("name"));
        }
    }

    @Test
    void anEditTakingAnotherProductsSkuIs409Duplicate() {
        String taken = "TAKEN-" + unique();
        created("Sku Holder " + unique(), taken);
        JsonObject other = created("Sku Taker " + unique(), "TAKER-" + unique());
        Http.Reply refused = http().put("/catalog/api/products/" + other.getString("id"), body("Sku Taker " + unique(),
                other.getJsonNumber("version").longValue(), taken, 200), staff);
        assertConflict("duplicate", refused);
        assertEquals("SKU " + taken + " belongs to another product", refused.json().getString("detail"));
        JsonObject unchanged = http().get("/catalog/api/products/" + other.getString("id"), staff).json();
        assertEquals(other.getJsonNumber("version").longValue(), unchanged.getJsonNumber("version").longValue());
    }

    @Test
    void twoProductsTakingOneNewSkuAtOnceStoreOneAndTheOtherGets409Duplicate() throws Exception {
        // created at once: both checks pass, the unique constraint decides
        String sku = "RACE-" + unique();
        List<Callable<Http.Reply>> creations = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            String create = "{\"name\":\"Race Create " + unique() + "\",\"status\":\"DRAFT\",\"variants\":[{\"sku\":\""
                    + sku + "\",\"price\":{\"amount\":100,\"currency\":\"EUR\"}}]}";
            creations.add(() -> http().post("/catalog/api/products", create, staff));
        }
        assertOneWins(201, "duplicate", atOnce(creations));

        // two existing products edited at once to one new SKU
        String shared = "RACE-" + unique();
        List<Callable<Http.Reply>> edits = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            JsonObject product = created("Race Edit " + unique(), "EDIT-" + unique());
            String edit = body("Race Edit " + unique(), product.getJsonNumber("version").longValue(), shared, 300);
            edits.add(() -> http().put("/catalog/api/products/" + product.getString("id"), edit, staff));
        }
        assertOneWins(200, "duplicate", atOnce(edits));
    }

    @Test
    void reindexesAtOnceRunOneAtATimeAndBackToBackBothWork() throws Exception {
        String word = "Qz" + unique().toLowerCase();
        assertEquals(201, http().post("/catalog/api/products", "{\"name\":\"" + word + " Lamp\",\"status\":\"ACTIVE\","
                + "\"price\":{\"amount\":4900,\"currency\":\"EUR\"}}", staff).status());
        List<Callable<Http.Reply>> reindexes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            reindexes.add(() -> http().post("/catalog/api/search-index", "{}", staff));
        }
        List<Http.Reply> replies = atOnce(reindexes);
        int done = 0;
        for (Http.Reply reply : replies) {
            assertTrue(reply.status() < 500, "never a server error: " + reply.status() + " " + reply.body());
            if (reply.status() == 200) {
                done++;
                assertTrue(reply.json().getJsonNumber("indexed").longValue() > 0, reply.body());
            } else {
                assertConflict("reindex-running", reply);
            }
        }
        // both 200 when the first was done before the second began
        assertTrue(done >= 1, "one reindex ran: " + replies.stream().map(Http.Reply::status).toList());

        for (int n = 0; n < 2; n++) {
            Http.Reply again = http().post("/catalog/api/search-index", "{}", staff);
            assertEquals(200, again.status(), "back to back: " + again.body());
        }
        JsonObject found = http().get("/catalog/api/products?q=" + word, null).json();
        assertEquals(1, found.getInt("total"), "search works after the reindexes: " + found);
    }
}
