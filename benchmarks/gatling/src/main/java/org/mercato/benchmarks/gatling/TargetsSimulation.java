package org.mercato.benchmarks.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.core.CoreDsl.StringBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The target table, request by request: a closed workload (a fixed number of clients started at once, each sending
 * its next request as soon as the last one is answered, no pause, for a fixed time) per kind of request, one kind after the other, so
 * each row of the report is the throughput and latency of that request alone at that concurrency. It measures
 * the ceiling, where the shop workloads ({@link ShopSimulation}) measure shoppers at a given arrival rate.
 *
 * <p>System properties: {@code mercato.bench.baseUrl} (loopback only, as everywhere), {@code mercato.bench.requests}
 * (comma-separated names from {@link Target}, default all but {@code static}), {@code mercato.bench.durationSeconds}
 * per request kind (default 20), {@code mercato.bench.concurrency} (clients for the read requests, default 32),
 * {@code mercato.bench.writeConcurrency} (clients for add-to-cart and place-order, default 8),
 * {@code mercato.bench.staticPath} (the file of the {@code static} request, default {@code /robots.txt}).
 */
public class TargetsSimulation extends Simulation {

    /** The kinds of request measured, in the report's names. */
    public enum Target {
        /** A static file (the NGINX and Payara baselines). */
        STATIC("static file"),
        /** {@code GET /users/api/jwks}: the cheapest JAX-RS answer, the stack's own cost. */
        JWKS("jwks"),
        /** A product page by id. */
        PRODUCT_ID("product by id"),
        /** A product page by slug. */
        PRODUCT_SLUG("product by slug"),
        /** A category listing, 24 per page. */
        LISTING("category listing"),
        /** A search with a typo and its facets. */
        SEARCH("search"),
        /** Suggestions for 2 to 4 typed letters. */
        SUGGESTIONS("suggestions"),
        /** Adding a line to a guest cart. */
        ADD_TO_CART("add to cart"),
        /** Placing an order of one line, paid with the sandbox card. */
        PLACE_ORDER("place order");

        /** The request's name in Gatling's report. */
        public final String label;

        Target(String label) {
            this.label = label;
        }

        /** Whether the request writes (it then runs at the write concurrency). */
        public boolean writes() {
            return this == ADD_TO_CART || this == PLACE_ORDER;
        }

        static Target of(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private static final String ADDRESS = "{\"name\":\"Bench Shopper\",\"line1\":\"1 Load Lane\",\"city\":\"Berlin\","
            + "\"postalCode\":\"10115\",\"country\":\"DE\"}";

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final List<Target> targets = Arrays.stream(System.getProperty("mercato.bench.requests",
            "jwks,product-id,product-slug,listing,search,suggestions,add-to-cart,place-order").split(","))
            .filter(s -> !s.isBlank()).map(Target::of).toList();
    private final int seconds = Integer.getInteger("mercato.bench.durationSeconds", 20);
    private final int concurrency = Integer.getInteger("mercato.bench.concurrency", 32);
    private final int writeConcurrency = Integer.getInteger("mercato.bench.writeConcurrency", 8);
    private final String staticPath = System.getProperty("mercato.bench.staticPath", "/robots.txt");

    public TargetsSimulation() {
        boolean reads = targets.stream().anyMatch(t -> t != Target.STATIC && !t.writes());
        boolean writes = targets.stream().anyMatch(Target::writes);
        ShopData.CatalogSample sample = reads ? ShopData.sample(settings) : null;
        ShopData shop = writes ? ShopData.stocked(settings) : null;
        // one request kind after the other: andThen returns a new builder, so the chain is built from its end
        PopulationBuilder chain = null;
        for (int i = targets.size() - 1; i >= 0; i--) {
            Target target = targets.get(i);
            int clients = target.writes() ? writeConcurrency : concurrency;
            PopulationBuilder population = scenario(target.label).exec(chain(target, sample, shop)).injectOpen(
                    atOnceUsers(clients));
            chain = chain == null ? population : population.andThen(chain);
        }
        if (chain == null) {
            throw new IllegalArgumentException("mercato.bench.requests names no request");
        }
        System.out.println("[mercato-bench] TargetsSimulation against " + settings.baseUrl() + ": " + targets
                + ", " + seconds + " s each, " + concurrency + " clients (" + writeConcurrency + " for writes)");
        // no client cache: the catalog's answers carry Cache-Control max-age, and Gatling, like a browser, would
        // answer a repeated URL itself without sending it (each client would stop after the first few URLs)
        setUp(chain).protocols(new Journeys(settings, shop).protocol().shareConnections().disableCaching())
                .maxDuration(Duration.ofSeconds((long) targets.size() * (seconds + 30) + 60))
                .assertions(global().allRequests().count().gt(0L), global().failedRequests().count().is(0L));
    }

    private ChainBuilder chain(Target target, ShopData.CatalogSample sample, ShopData shop) {
        return switch (target) {
            case STATIC -> loop().on(exec(http(target.label).get(staticPath).header("Accept", "*/*")
                    .check(status().is(200))));
            case JWKS -> loop().on(exec(http(target.label).get("/users/api/jwks").check(status().is(200))));
            case PRODUCT_ID -> loop().on(feed(randomOf("id", sample.productIds())).exec(http(target.label)
                    .get("/catalog/api/products/#{id}").check(status().is(200))));
            case PRODUCT_SLUG -> loop().on(feed(randomOf("slug", sample.productSlugs())).exec(http(target.label)
                    .get("/catalog/api/products/#{slug}").check(status().is(200))));
            case LISTING -> loop().on(feed(randomOf("category", sample.leafCategories())).exec(http(target.label)
                    .get("/catalog/api/products?category=#{category}&size=24").check(status().is(200))));
            case SEARCH -> loop().on(feed(randomOf("query", Journeys.QUERIES)).exec(http(target.label)
                    .get("/catalog/api/products?#{query}").check(status().is(200), jsonPath("$.facets").exists())));
            case SUGGESTIONS -> loop().on(feed(randomOf("prefix", Journeys.PREFIXES)).exec(http(target.label)
                    .get("/catalog/api/suggestions?q=#{prefix}").check(status().is(200))));
            case ADD_TO_CART -> loop().on(exec(http("create cart").post("/cart/api/carts").check(status().is(201),
                    jsonPath("$.id").saveAs("cartId")))
                    .exec(repeat(shop.skus().size(), "line")
                            .on(exec(session -> session.set("sku", shop.skus().get(session.getInt("line"))))
                                    .exec(http(target.label)
                                            .post("/cart/api/carts/#{cartId}/items")
                                            .header("Content-Type", "application/json")
                                            .body(StringBody("{\"sku\":\"#{sku}\",\"quantity\":1}"))
                                            .check(status().is(200))))));
            case PLACE_ORDER -> exec(session -> session.set("email", "bench-" + UUID.randomUUID() + "@example.com"))
                    .exec(http("register").post("/users/api/accounts").header("Content-Type", "application/json")
                            .body(StringBody("{\"email\":\"#{email}\",\"password\":\"bench password 1\","
                                    + "\"name\":\"Bench\"}"))
                            .check(status().is(201)),
                            http("sign in").post("/users/api/tokens").header("Content-Type", "application/json")
                                    .body(StringBody("{\"email\":\"#{email}\",\"password\":\"bench password 1\"}"))
                                    .check(status().is(200), jsonPath("$.access_token").saveAs("token")))
                    // a client that could not sign in stops (its failure is counted) instead of spinning on
                    // requests that cannot be built without a token
                    .exitHereIfFailed()
                    .exec(loop().on(exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString())
                            .set("sku", shop.skus().get(ThreadLocalRandom.current().nextInt(shop.skus().size()))))
                            .exec(http("create cart").post("/cart/api/carts").header("Authorization", "Bearer #{token}")
                                    .check(status().is(201), jsonPath("$.id").saveAs("cartId")))
                            .exec(http("add to cart (order)").post("/cart/api/carts/#{cartId}/items")
                                    .header("Authorization", "Bearer #{token}").header("Content-Type",
                                            "application/json")
                                    .body(StringBody("{\"sku\":\"#{sku}\",\"quantity\":1}")).check(status().is(200)))
                            .exec(http(target.label).post("/orders/api/orders").header("Content-Type",
                                    "application/json").header("Authorization", "Bearer #{token}")
                                    .header("Idempotency-Key", "#{idempotencyKey}")
                                    .body(StringBody("{\"cartId\":\"#{cartId}\",\"shippingAddress\":" + ADDRESS
                                            + ",\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"}}"))
                                    .check(status().is(201), jsonPath("$.status").is("PAID")))));
        };
    }

    /** Each client's loop: its next request as soon as the last is answered, for the request kind's seconds. */
    private io.gatling.javaapi.core.loop.During.On<ChainBuilder> loop() {
        return during(Duration.ofSeconds(seconds));
    }

    private static Iterator<Map<String, Object>> randomOf(String key, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalStateException("the catalog gave no " + key + " to request");
        }
        List<String> copy = new ArrayList<>(values);
        return Stream.generate(() -> Map.<String, Object>of(key, copy.get(ThreadLocalRandom.current().nextInt(copy
                .size())))).iterator();
    }
}
