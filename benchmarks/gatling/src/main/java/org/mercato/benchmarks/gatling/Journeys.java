package org.mercato.benchmarks.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The shopper journeys, as the storefront makes them: browse, search, cart and checkout, and the mixed shop
 * workload that picks one of them per arriving shopper with a real store's weights.
 */
public final class Journeys {

    /** Share of arriving shoppers, in percent, that browse, search, fill a cart and check out. */
    public static final double BROWSE = 60, SEARCH = 25, CART = 12, CHECKOUT = 3;

    /** What shoppers type: misspellings, accents, filters, facets, sorting and paging. */
    static final List<String> QUERIES = List.of("q=hedphones", "q=headphone&sort=price_asc", "q=wirless%20speaker",
            "q=creme&category=fashion", "q=laptop&minPrice=50000&maxPrice=150000", "q=runing%20shoes&size=40",
            "q=sweater&sort=price_desc", "q=tent", "q=cafe", "q=jaket", "q=bluetooth&inStock=true", "q=sonora");
    /** Refinements after a first search: a category, a brand, a price range, another sort or page. */
    static final List<String> REFINEMENTS = List.of("category=electronics&sort=newest", "brand=Sonora&page=1",
            "category=shoes&sort=price_asc", "minPrice=1000&maxPrice=5000&sort=price_desc", "category=camping",
            "brand=Urbano&inStock=true");
    /** What shoppers type into the search box, letter by letter (suggestions). */
    static final List<String> PREFIXES = List.of("so", "hea", "lapt", "run", "cre", "jack", "tee", "lam");

    private static final String ADDRESS = "{\"name\":\"Bench Shopper\",\"line1\":\"1 Load Lane\",\"city\":\"Berlin\","
            + "\"postalCode\":\"10115\",\"country\":\"DE\"}";

    private final BenchSettings settings;
    private final ShopData shop;

    /**
     * @param settings the run's settings
     * @param shop the stocked SKUs, or null when only browse and search run
     */
    public Journeys(BenchSettings settings, ShopData shop) {
        this.settings = settings;
        this.shop = shop;
    }

    /** The HTTP client settings: the loopback base URL, JSON, gzip, each shopper its own connections. */
    public HttpProtocolBuilder protocol() {
        return http.baseUrl(settings.baseUrl()).acceptHeader("application/json")
                .acceptEncodingHeader("gzip, deflate").acceptLanguageHeader("en")
                .userAgentHeader("Mercato-Gatling/3.14 (benchmark)");
    }

    /** Home page, categories and new arrivals, a category listing, two product pages (by slug and by id). */
    public ChainBuilder browse() {
        return exitBlockOnFail()
                .on(exec(http("home page").get("/").header("Accept", "text/html").check(status().is(200)),
                        http("categories").get("/catalog/api/categories").check(status().is(200),
                                jsonPath("$..slug").findRandom().saveAs("category")),
                        http("new arrivals").get("/catalog/api/products?sort=newest&size=8").check(status().is(200)))
                        .pause(Duration.ZERO, settings.think())
                        .exec(http("category listing").get("/catalog/api/products?category=#{category}&size=24").check(
                                status().is(200), jsonPath("$.items[*].slug").findRandom().optional().saveAs("slug"),
                                jsonPath("$.items[*].id").findRandom().optional().saveAs("productId")))
                        .pause(Duration.ZERO, settings.think())
                        .doIf(session -> session.contains("slug"))
                        .then(exec(http("product page (slug)").get("/catalog/api/products/#{slug}")
                                .check(status().is(200))))
                        .pause(Duration.ZERO, settings.think())
                        .doIf(session -> session.contains("productId"))
                        .then(exec(http("product page (id)").get("/catalog/api/products/#{productId}").check(status()
                                .is(200)))));
    }

    /** Suggestions while typing, a search with a typo (with facets), a refinement, then a product found. */
    public ChainBuilder search() {
        return exitBlockOnFail().on(feed(randomOf("query", QUERIES)).feed(randomOf("refine", REFINEMENTS))
                .feed(randomOf("prefix",
                        PREFIXES))
                .exec(http("suggestions (short)").get(session -> "/catalog/api/suggestions?q=" + session.getString(
                        "prefix").substring(0, 2)).check(status().is(200)),
                        http("suggestions").get("/catalog/api/suggestions?q=#{prefix}").check(status().is(200)))
                .pause(Duration.ZERO, settings.think())
                .exec(http("search").get("/catalog/api/products?#{query}").check(status().is(200), jsonPath(
                        "$.facets").exists(), jsonPath("$.items[*].id").findRandom().optional().saveAs(
                                "productId")))
                .pause(Duration.ZERO, settings.think())
                .exec(http("search refined").get("/catalog/api/products?#{refine}").check(status().is(200)))
                .pause(Duration.ZERO, settings.think())
                .doIf(session -> session.contains("productId"))
                .then(exec(http("product page (id)").get("/catalog/api/products/#{productId}").check(status().is(
                        200)))));
    }

    /** A guest cart: create it, add two SKUs, change a quantity, view it. */
    public ChainBuilder cart() {
        return exitBlockOnFail().on(feed(skuPairs())
                .exec(http("create cart").post("/cart/api/carts").check(status().is(201), jsonPath(
                        "$.id").saveAs("cartId")))
                .exec(addItem("add to cart", "sku1", 1))
                .pause(Duration.ZERO, settings.think())
                .exec(addItem("add to cart", "sku2", 1))
                .exec(http("change quantity").patch("/cart/api/carts/#{cartId}/items/#{sku1}").header("Content-Type",
                        "application/json").body(StringBody("{\"quantity\":2}")).check(status().is(200)))
                .exec(http("view cart").get("/cart/api/carts/#{cartId}").check(status().is(200), jsonPath(
                        "$.lines[*]").count().is(2))));
    }

    /**
     * A new customer: register, sign in, fill a cart with one or two SKUs, place the order (sandbox card
     * {@code tok_visa}) with a fresh {@code Idempotency-Key}.
     */
    public ChainBuilder checkout() {
        return exitBlockOnFail().on(feed(skuPairs())
                .exec(session -> session.set("email", "bench-" + UUID.randomUUID() + "@example.com")
                        .set("idempotencyKey", UUID.randomUUID().toString()))
                .exec(http("register").post("/users/api/accounts").header("Content-Type", "application/json").body(
                        StringBody("{\"email\":\"#{email}\",\"password\":\"bench password 1\",\"name\":\"Bench\"}"))
                        .check(status().is(201)),
                        http("sign in").post("/users/api/tokens").header("Content-Type", "application/json").body(
                                StringBody("{\"email\":\"#{email}\",\"password\":\"bench password 1\"}")).check(
                                        status().is(200), jsonPath("$.access_token").saveAs("token")))
                .exec(http("create cart").post("/cart/api/carts").header("Authorization", "Bearer #{token}").check(
                        status().is(201), jsonPath("$.id").saveAs("cartId")))
                .exec(addItem("add to cart", "sku1", 1).header("Authorization", "Bearer #{token}"))
                .randomSwitch()
                .on(percent(50.0).then(exec(addItem("add to cart", "sku2", 1).header("Authorization",
                        "Bearer #{token}"))))
                .pause(Duration.ZERO, settings.think())
                .exec(http("place order").post("/orders/api/orders").header("Content-Type", "application/json")
                        .header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{idempotencyKey}")
                        .body(StringBody("{\"cartId\":\"#{cartId}\",\"shippingAddress\":" + ADDRESS
                                + ",\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"}}"))
                        .check(status().is(201), jsonPath("$.id").exists(), jsonPath("$.status").is("PAID"))));
    }

    /** One journey per arriving shopper: 60 % browse, 25 % search, 12 % cart, 3 % checkout. */
    public ScenarioBuilder shop() {
        return scenario("shop").exec(randomSwitch().on(percent(BROWSE).then(browse()), percent(SEARCH).then(
                search()), percent(CART).then(cart()), percent(CHECKOUT).then(checkout())));
    }

    private static io.gatling.javaapi.http.HttpRequestActionBuilder addItem(String name, String skuKey,
            int quantity) {
        return http(name).post("/cart/api/carts/#{cartId}/items").header("Content-Type", "application/json").body(
                StringBody("{\"sku\":\"#{" + skuKey + "}\",\"quantity\":" + quantity + "}")).check(status().is(200));
    }

    /** Two different stocked SKUs per shopper, at random. */
    private Iterator<Map<String, Object>> skuPairs() {
        if (shop == null || shop.skus().isEmpty()) {
            throw new IllegalStateException("the cart and checkout journeys need stocked SKUs");
        }
        List<String> skus = shop.skus();
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int first = random.nextInt(skus.size());
            int second = skus.size() == 1 ? first : (first + 1 + random.nextInt(skus.size() - 1)) % skus.size();
            return Map.<String, Object>of("sku1", skus.get(first), "sku2", skus.get(second));
        }).iterator();
    }

    private static Iterator<Map<String, Object>> randomOf(String key, List<String> values) {
        return Stream.generate(() -> Map.<String, Object>of(key, values.get(ThreadLocalRandom.current().nextInt(
                values.size())))).iterator();
    }
}
