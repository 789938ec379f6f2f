package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mercato.platform.ports.LoopbackPorts;

/**
 * Cluster mode (docs/deploy.md) started as an operator starts it ({@code ClusterCommand up}, the command behind
 * {@code ./mercato cluster up}, in a process of its own) on free loopback ports, every request sent through its NGINX
 * gateway, and each failure the issue names caused for real: a cart instance and a catalog instance killed with
 * {@code kill -9} under load, the primary Artemis broker killed while orders are placed. Stopped with
 * {@code ClusterCommand down}, which must leave nothing running.
 *
 * <p>Runs in its own failsafe execution, after the embedded platform of the other system tests has stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final String ADMIN_EMAIL = "admin@mercato.test";
    private static final String ADMIN_PASSWORD = "admin-cluster-password-1";
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(20);
    private static final Pattern UPSTREAM = Pattern.compile("\"upstream\":\"([^\"]*)\"");
    private static final Pattern ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+");

    private static Path dataDir;
    private static Path clusterDir;
    private static int port;
    private static Http http;
    private static String staff;

    @BeforeAll
    static void up() throws Exception {
        dataDir = Path.of(System.getProperty("mercato.test.dir", "target/platform-data"))
                .resolve("cluster-" + UUID.randomUUID().toString().substring(0, 8));
        clusterDir = dataDir.resolve("cluster");
        port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("MERCATO_DATA_DIR", dataDir.toString());
        env.put("MERCATO_HTTP_PORT", Integer.toString(port));
        env.put("MERCATO_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("MERCATO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // a small demo catalog without pictures keeps the start short
        env.put("MERCATO_CATALOG_DEMO_PRODUCTS", "300");
        env.put("MERCATO_CATALOG_DEMO_PICTURES", "0");
        // the tests send much from one address: the gateway's limits are raised (sign-in's stays strict enough for
        // the 429 test, sent from an address of its own), the services' own
        // per-address limits spare the tests' address (the 429 test uses addresses of its own)
        env.put("MERCATO_GATEWAY_RATE_PER_ADDRESS", "2000r/s");
        env.put("MERCATO_GATEWAY_RATE_CHECKOUT", "6000r/m");
        env.put("MERCATO_GATEWAY_RATE_REGISTER", "600r/m");
        env.put("MERCATO_GATEWAY_RATE_SIGNIN", "60r/m");
        env.put("MERCATO_RATELIMIT_EXEMPT_ADDRESSES", "127.0.0.1");
        env.put("MERCATO_RATELIMIT_ORDERS_PER_CUSTOMER", "off");
        // shipments wait for staff (the console journey picks, packs and dispatches one), as in BrowserIT
        env.put("MERCATO_FULFILLMENT_AUTO_DISPATCH_SECONDS", "0");
        Command started = command(env, "up", UP_TIMEOUT);
        assertEquals(0, started.exit(), "cluster up failed:\n" + started.output() + "\n" + logTail());
        http = new Http(port);
        staff = signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterAll
    static void down() throws Exception {
        if (clusterDir == null) {
            return;
        }
        Properties before = state();
        Command stopped = command(Map.of("MERCATO_DATA_DIR", dataDir.toString()), "down", Duration.ofMinutes(5));
        assertEquals(0, stopped.exit(), stopped.output());
        List<String> left = new ArrayList<>();
        for (String name : before.getProperty("processes", "").split(",")) {
            long pid = Long.parseLong(before.getProperty(name + ".pid", "-1"));
            if (pid > 0 && !before.getProperty(name + ".kind").equals("smtp")
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                left.add(name + " (pid " + pid + ")");
            }
        }
        long supervisor = Long.parseLong(before.getProperty("supervisor.pid", "-1"));
        if (ProcessHandle.of(supervisor).map(ProcessHandle::isAlive).orElse(false)) {
            left.add("supervisor (pid " + supervisor + ")");
        }
        assertEquals(List.of(), left, "cluster down left processes running:\n" + stopped.output());
        assertEquals("stopped", state().getProperty("phase"));
    }

    @Test
    @Order(1)
    void everyServiceAnswersThroughTheGatewayAndEveryInstanceIsInOneGrid() throws Exception {
        Http.Reply jwks = http.get("/users/api/jwks", null);
        assertEquals(200, jwks.status(), jwks.body());
        Http.Reply products = http.get("/catalog/api/products?size=1", null);
        assertEquals(200, products.status(), products.body());
        assertTrue(products.json().getInt("total") > 0, "the demo catalog is searchable: " + products.body());
        assertEquals(200, http.get("/catalog/api/categories", null).status());
        String someSku = firstSku();
        assertEquals(200, http.get("/inventory/api/stock/" + someSku, null).status());
        assertEquals(201, http.post("/cart/api/carts", "", null).status());
        for (String service : List.of("users", "catalog", "inventory", "orders", "cart", "payments",
                "notifications", "fulfillment", "analytics")) {
            Http.Reply status = http.get("/" + service + "/api/status", staff);
            assertEquals(200, status.status(), service + ": " + status.body());
            Http.Reply anonymous = http.get("/" + service + "/api/status", null);
            assertEquals(401, anonymous.status(), service + " refuses without a token");
            assertTrue(anonymous.contentType().startsWith("application/problem+json"), anonymous.contentType());
        }
        Http.Reply shop = http.send(http.request("/", null).header("Accept", "text/html").GET().build());
        assertEquals(200, shop.status());
        assertTrue(shop.body().contains("<html"), "the storefront page");
        Http.Reply console = http.send(http.request("/admin/", null).header("Accept", "text/html").GET().build());
        assertEquals(200, console.status(), "the console's sign-in page");

        // the gateway's own headers: a request id made when none is sent, a sane one passed on
        assertTrue(jwks.header("X-Request-Id") != null && jwks.header("X-Request-Id").length() >= 16);
        Http.Reply traced = http.send(http.request("/users/api/jwks", null).header("X-Request-Id",
                "trace-0123456789").GET().build());
        assertEquals("trace-0123456789", traced.header("X-Request-Id"));
        assertEquals("nosniff", traced.header("X-Content-Type-Options"));

        // every instance of a replicated service serves: both catalog and both cart instances show up upstream
        for (int i = 0; i < 20; i++) {
            assertEquals(200, http.get("/catalog/api/categories", null).status());
            assertEquals(201, http.post("/cart/api/carts", "", null).status());
        }
        Set<String> served = upstreamsInAccessLog();
        for (String instance : List.of("catalog-1", "catalog-2", "cart-1", "cart-2")) {
            assertTrue(served.contains("127.0.0.1:" + port(instance)), instance + " got no request: " + served);
        }

        // one data grid: every Payara instance reports all of them as members
        Properties state = state();
        List<String> instances = instances(state);
        assertEquals(13, instances.size(), "every WAR in its own JVM, catalog and cart twice: " + instances);
        Eventually.within(Duration.ofMinutes(2), "every instance sees the whole grid", () -> {
            Properties now = state();
            return instances.stream().allMatch(name -> now.getProperty(name + ".grid", "0")
                    .equals(Integer.toString(instances.size())));
        });
        Command status = command(Map.of("MERCATO_DATA_DIR", dataDir.toString()), "status", Duration.ofMinutes(1));
        assertEquals(0, status.exit(), "status says all are up:\n" + status.output());
        assertTrue(status.output().contains("artemis-backup") && status.output().contains("opensearch"));
    }

    /**
     * The storefront's browser journey (the script BrowserIT runs on embedded mode), in Debian's Chromium, through
     * the gateway: a shopper browses, searches, registers and checks out.
     */
    @Test
    @Order(2)
    void aShopperBuysThroughTheGatewayInABrowser() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Path storefront = Path.of(System.getProperty("mercato.storefront.dir", "../storefront")).toAbsolutePath();
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "cluster").toAbsolutePath());
        String shop = node(storefront, List.of("node", "e2e/shop.mjs", base, shots.toString()), Map.of(
                "MERCATO_ADMIN_EMAIL", ADMIN_EMAIL, "MERCATO_ADMIN_PASSWORD", ADMIN_PASSWORD));
        assertTrue(shop.contains("storefront checks passed"), shop);
        // the console's page answers through the gateway. Its whole browser journey (console.mjs) passed through
        // the gateway once from a mktemp clone, and once timed out (a product page over 15 s) in a clean-clone run
        // on this 2-core machine running 13 JVMs: it runs in BrowserIT (embedded), not here (issue 14's note)
        Http.Reply console = http.send(http.request("/admin/", null).header("Accept", "text/html").GET().build());
        assertEquals(200, console.status());
        assertTrue(console.body().contains("signIn"), "the console's sign-in form");
    }

    private static String node(Path directory, List<String> command, Map<String, String> environment)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path output = Files.createTempFile("mercato-cluster-browser", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String text = Files.readString(output);
        assertTrue(finished, String.join(" ", command) + " did not finish:\n" + text);
        assertEquals(0, process.exitValue(), text);
        return text;
    }

    @Test
    @Order(3)
    void theGatewayRefusesMalformedPathsWithAProblem() {
        for (String path : List.of("/catalog/api/products/abc%2Fdef", "/catalog/api/products/%zz",
                "/catalog/api/..%2F..%2Fusers/api/jwks", "/catalog/../users/api/jwks", "/cart/api/carts/a%00b",
                "/catalog/api/products/a%5Cb")) {
            RawHttp.Reply reply = RawHttp.send("127.0.0.1", port, "GET", path, null);
            assertEquals(400, reply.status(), path + ": " + reply.body());
            assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), path);
            assertTrue(reply.body().contains("\"status\":400"), reply.body());
        }
        // the same characters in a query are the service's to judge: a search for "AC/DC", a console page's token
        for (String query : List.of("?q=ac%2Fdc", "?q=a%5Cb", "?q=..%2F..%2Fusers", "?q=../users", "?q=a\\b")) {
            RawHttp.Reply reply = RawHttp.send("127.0.0.1", port, "GET", "/catalog/api/products" + query, null);
            assertEquals(200, reply.status(), query + ": " + reply.body());
        }
        // bodies far past what any service takes stop at the door
        RawHttp.Reply large = RawHttp.send("127.0.0.1", port, "POST", "/cart/api/carts", "x".repeat(2 * 1024 * 1024));
        assertEquals(413, large.status(), large.body());
        assertTrue(large.header("Content-Type").startsWith("application/problem+json"));
        // what NGINX itself refuses is a problem too, never its HTML page
        assertGatewayProblem(414, RawHttp.send("127.0.0.1", port, "GET", "/catalog/api/products?q=" + "a".repeat(
                20_000), null), "a 20 KB request line");
        assertGatewayProblem(431, RawHttp.send("127.0.0.1", port, "GET", "/catalog/api/categories", null,
                "X-Long: " + "a".repeat(12_000)), "a 12 KB header line");
        assertGatewayProblem(405, RawHttp.send("127.0.0.1", port, "TRACE", "/", null), "TRACE");
        assertGatewayProblem(400, RawHttp.send("127.0.0.1", port, "GET", "/catalog\\api\\products", null),
                "a raw backslash");
        // and what it lets through, Payara takes: many headers, a long header volume
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add("X-Header-" + i + ": v");
        }
        for (int i = 0; i < 3; i++) {
            many.add("X-Large-" + i + ": " + "a".repeat(7_000));
        }
        RawHttp.Reply headers = RawHttp.send("127.0.0.1", port, "GET", "/catalog/api/categories", null, many
                .toArray(String[]::new));
        assertEquals(200, headers.status(), "200 headers and 21 KB of them: " + headers.body());
    }

    private static void assertGatewayProblem(int status, RawHttp.Reply reply, String what) {
        assertEquals(status, reply.status(), what + ": " + reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), what + ": " + reply.header(
                "Content-Type"));
        assertTrue(reply.body().contains("\"status\":" + status), what + ": " + reply.body());
    }

    @Test
    @Order(4)
    void searchesKeepAnsweringWhenACatalogInstanceIsKilled() throws Exception {
        Http.Reply product = http.post("/catalog/api/products", "{\"name\":\"Failover Kettle\",\"status\":\"ACTIVE\","
                + "\"price\":{\"amount\":2500,\"currency\":\"EUR\"}}", staff);
        assertEquals(201, product.status(), product.body());
        String productId = product.json().getString("id");
        long version = product.json().getJsonNumber("version").longValue();
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService shoppers = Executors.newFixedThreadPool(6);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String query = List.of("shirt", "shoes", "lamp", "mug", "chair", "jacket").get(i);
            load.add(shoppers.submit(() -> {
                while (running.get()) {
                    Http.Reply reply = http.get("/catalog/api/products?q=" + query + "&size=12", null);
                    if (reply.status() == 200) {
                        answered.incrementAndGet();
                    } else {
                        failures.add(reply.status() + " " + reply.body());
                    }
                }
            }));
        }
        Eventually.within(Duration.ofSeconds(30), "searches answer", () -> answered.get() > 30);
        long killed = kill("catalog-1");
        // meanwhile a product changes: the surviving instance indexes it, and searches find it by its new name
        String name = "Failover Teapot " + UUID.randomUUID().toString().substring(0, 6);
        Http.Reply renamed = http.put("/catalog/api/products/" + productId, "{\"name\":\"" + name
                + "\",\"status\":\"ACTIVE\",\"price\":{\"amount\":2500,\"currency\":\"EUR\"},\"version\":" + version
                + "}", staff);
        assertEquals(200, renamed.status(), renamed.body());
        int before = answered.get();
        Eventually.within(Duration.ofSeconds(60), "searches keep answering after the kill",
                () -> answered.get() > before + 50);
        Eventually.within(Duration.ofSeconds(30), "the renamed product is found", () -> http.get(
                "/catalog/api/products?q=" + name.replace(' ', '+'), null).json().getInt("total") >= 1);
        running.set(false);
        for (Future<?> future : load) {
            future.get(30, TimeUnit.SECONDS);
        }
        shoppers.shutdown();
        assertEquals(List.of(), failures, "no search failed through the gateway");
        awaitRestarted("catalog-1", killed);
    }

    @Test
    @Order(5)
    void noCartNorLineIsLostWhenACartInstanceIsKilled() throws Exception {
        List<String> skus = skus(10);
        int shoppers = 8;
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            Http.Reply created = http.post("/cart/api/carts", "", null);
            assertEquals(201, created.status(), created.body());
            carts.add(created.json().getString("id"));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> added = new ConcurrentHashMap<>();
        AtomicInteger adds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(shoppers);
        List<Future<?>> load = new ArrayList<>();
        for (String cart : carts) {
            added.put(cart, new AtomicInteger());
            load.add(pool.submit(() -> {
                int n = 0;
                while (running.get() && n < 10 * 90) {
                    String sku = skus.get(n % skus.size());
                    n++;
                    // each add carries its own Idempotency-Key: the gateway may pass it to the other instance
                    Http.Reply reply = http.send(http.request("/cart/api/carts/" + cart + "/items", null)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "add-" + cart + "-" + n)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + sku + "\",\"quantity\":1}"))
                            .build());
                    if (reply.status() == 200) {
                        added.get(cart).incrementAndGet();
                        adds.incrementAndGet();
                    } else {
                        failures.add(reply.status() + " " + reply.body());
                    }
                    // a shopper's pace, not a tight loop: eight of them still keep both cart instances busy
                    pause(25);
                }
            }));
        }
        Eventually.within(Duration.ofSeconds(30), "shoppers add", () -> adds.get() > 40);
        long killed = kill("cart-1");
        int before = adds.get();
        Eventually.within(Duration.ofSeconds(60), "adds go on after the kill", () -> adds.get() > before + 150);
        running.set(false);
        for (Future<?> future : load) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(List.of(), failures, "no add failed through the gateway");
        for (String cart : carts) {
            Http.Reply reply = http.get("/cart/api/carts/" + cart, null);
            assertEquals(200, reply.status(), "cart " + cart + " survived: " + reply.body());
            assertEquals(added.get(cart).get(), reply.json().getInt("itemCount"),
                    "every line and unit of cart " + cart + " is there, none twice");
        }
        awaitRestarted("cart-1", killed);
        // the restarted instance is back in the gateway's rotation
        long since = accessLogLines();
        Eventually.within(Duration.ofSeconds(60), "cart-1 serves again", () -> {
            try {
                http.post("/cart/api/carts", "", null);
            } catch (UncheckedIOException closedByReload) {
                // cart-1 back in rotation reloads NGINX, whose old workers close kept-alive connections: a POST
                // without an Idempotency-Key caught on one is not sent again by the client (RFC 9110 9.2.2)
                return false;
            }
            return upstreamsInAccessLogSince(since).contains("127.0.0.1:" + port("cart-1"));
        });
        for (String cart : carts) {
            assertEquals(added.get(cart).get(), http.get("/cart/api/carts/" + cart, null).json().getInt("itemCount"),
                    "the carts are whole after the instance rejoined the grid");
        }
    }

    @Test
    @Order(6)
    void everyOrderPlacedIsAppliedOnceByEveryConsumerWhenThePrimaryBrokerIsKilled() throws Exception {
        String sku = stockedSku(1_000);
        int shoppers = 4;
        int ordersEach = 25;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            String email = "failover-" + UUID.randomUUID().toString().substring(0, 8) + "@mercato.test";
            Http.Reply registered = http.post("/users/api/accounts", "{\"email\":\"" + email
                    + "\",\"password\":\"shopper-password-1\",\"name\":\"Failover Shopper\"}", null);
            assertEquals(201, registered.status(), registered.body());
            tokens.add(signIn(email, "shopper-password-1"));
        }
        List<String> orders = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean brokerKilled = new AtomicBoolean();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(shoppers);
        List<Future<?>> load = new ArrayList<>();
        for (String token : tokens) {
            load.add(pool.submit(() -> {
                for (int n = 0; n < ordersEach; n++) {
                    Http.Reply cart = http.post("/cart/api/carts", "", token);
                    String cartId = cart.json().getString("id");
                    Http.Reply add = http.send(http.request("/cart/api/carts/" + cartId + "/items", token)
                            .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID()
                                    .toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + sku + "\",\"quantity\":1}"))
                            .build());
                    if (add.status() != 200) {
                        failures.add("add " + add.status() + " " + add.body());
                        continue;
                    }
                    // as the API tells a client to: a 503 (a dependency too slow on this loaded machine) kept
                    // nothing (stock released, charge refunded), so the order is placed again, with a new key
                    Http.Reply placed = null;
                    for (int attempt = 0; attempt < 3 && (placed == null || placed.status() == 503); attempt++) {
                        if (placed != null) {
                            retried.incrementAndGet();
                            pause(1_000);
                        }
                        placed = http.send(http.request("/orders/api/orders", token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"cartId\":\"" + cartId
                                        + "\",\"shippingAddress\":" + OrderFlowIT.ADDRESS
                                        + ",\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"}}"))
                                .build());
                    }
                    if (placed.status() == 201) {
                        orders.add(placed.json().getString("id"));
                    } else {
                        failures.add("order " + placed.status() + " " + placed.body());
                    }
                }
            }));
        }
        Eventually.within(Duration.ofSeconds(120), "orders are being placed", () -> orders.size() >= 20);
        long killed = kill("artemis-primary");
        brokerKilled.set(true);
        for (Future<?> future : load) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(List.of(), failures, "no order failed (" + retried.get() + " placed again after a 503)");
        assertEquals(shoppers * ordersEach, orders.size());
        String[] ids = orders.toArray(new String[0]);
        Eventually.within(Duration.ofMinutes(4), "every OrderPlaced is sent and applied by every consumer", () -> {
            return count("orders", "select count(*) from outbox_message where event_type = 'OrderPlaced'"
                    + " and sent_at is not null") >= ids.length
                    && count("inventory", "select count(*) from reservation where status = 'COMMITTED'"
                            + " and order_id = any(?)", (Object) ids) == ids.length
                    && count("fulfillment", "select count(distinct order_id) from shipment where order_id = any(?)",
                            (Object) ids) == ids.length
                    && count("analytics", "select count(*) from sale_order where order_id = any(?)",
                            (Object) ids) == ids.length
                    && count("notifications", "select count(*) from email where kind = 'ORDER_CONFIRMATION'"
                            + " and order_id = any(?)", (Object) ids) == ids.length;
        });
        // exactly once: one effect per order in every consumer, one processed event per OrderPlaced
        assertEquals(ids.length, count("fulfillment", "select count(*) from shipment where order_id = any(?)",
                (Object) ids), "one shipment per order");
        assertEquals(ids.length, count("notifications", "select count(*) from email where kind ="
                + " 'ORDER_CONFIRMATION' and order_id = any(?)", (Object) ids), "one confirmation per order");
        long placedEvents = count("orders", "select count(*) from outbox_message where event_type = 'OrderPlaced'");
        for (String consumer : List.of("inventory", "fulfillment", "analytics", "notifications")) {
            assertEquals(placedEvents, count(consumer, "select count(*) from processed_event"
                    + " where event_type = 'OrderPlaced'"), consumer + " applied each OrderPlaced once");
        }
        assertTrue(brokerKilled.get());
        awaitRestarted("artemis-primary", killed);
    }

    @Test
    @Order(7)
    void theGatewayAnswers429PastItsSignInLimit() throws Exception {
        // from an address of its own (loopback has them all), so the other tests' sign-ins do not count; all at
        // once, so a slow sign-in (a password hash on a busy machine) cannot space them out under the rate
        ExecutorService senders = Executors.newFixedThreadPool(15);
        List<Future<RawHttp.Reply>> sent = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            // a new unknown account each time: the users service's own per-account limit never counts
            sent.add(senders.submit(() -> RawHttp.send("127.0.0.7", port, "POST", "/users/api/tokens",
                    "{\"email\":\"nobody-" + UUID.randomUUID()
                            + "@mercato.test\",\"password\":\"wrong-password-1\"}")));
        }
        List<RawHttp.Reply> replies = new ArrayList<>();
        for (Future<RawHttp.Reply> reply : sent) {
            replies.add(reply.get(2, TimeUnit.MINUTES));
        }
        senders.shutdown();
        RawHttp.Reply limited = replies.stream().filter(reply -> reply.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in " + replies.stream().map(RawHttp.Reply::status)
                        .toList()));
        assertTrue(limited.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, "Retry-After says when");
        assertTrue(limited.body().contains("rate-limited"), limited.body());
        // those within the burst passed to the users service (401: unknown account)
        assertTrue(replies.stream().anyMatch(reply -> reply.status() == 401), "some passed within the burst: "
                + replies.stream().map(RawHttp.Reply::status).toList());
        // other addresses are not held back by this one's limit
        assertEquals(401, RawHttp.send("127.0.0.8", port, "POST", "/users/api/tokens", "{\"email\":\"nobody-"
                + UUID.randomUUID() + "@mercato.test\",\"password\":\"wrong-password-1\"}").status());
    }

    // ---- helpers

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** kill -9 of a recorded process; returns its pid. */
    private static long kill(String name) throws Exception {
        long pid = Long.parseLong(state().getProperty(name + ".pid"));
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " is not running"));
        process.destroyForcibly();
        assertTrue(process.onExit().get(30, TimeUnit.SECONDS) != null);
        return pid;
    }

    /** The supervisor starts a killed process again: a new pid, healthy. */
    private static void awaitRestarted(String name, long killedPid) {
        Eventually.within(Duration.ofMinutes(4), name + " is started again and healthy", () -> {
            Properties now = state();
            long pid = Long.parseLong(now.getProperty(name + ".pid", "-1"));
            if (pid == killedPid || pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return false;
            }
            String health = now.getProperty(name + ".health", "");
            return health.startsWith("http")
                    ? status(health) == 200
                    : health.startsWith("tcp:")
                            ? tcpOpen(Integer.parseInt(health.substring(4)))
                            : true;
        });
        if (name.startsWith("cart") || name.startsWith("catalog")) {
            Eventually.within(Duration.ofMinutes(2), name + " rejoined the data grid", () -> state()
                    .getProperty(name + ".grid", "0").equals(Integer.toString(instances(state()).size())));
        }
    }

    private static List<String> instances(Properties state) {
        List<String> names = new ArrayList<>();
        for (String name : state.getProperty("processes", "").split(",")) {
            if ("payara".equals(state.getProperty(name + ".kind"))) {
                names.add(name);
            }
        }
        return names;
    }

    private static int port(String instance) {
        Matcher matcher = Pattern.compile(":(\\d+)/").matcher(state().getProperty(instance + ".url"));
        assertTrue(matcher.find());
        return Integer.parseInt(matcher.group(1));
    }

    private static Properties state() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(clusterDir.resolve("cluster.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static Path accessLog() {
        return clusterDir.resolve("gateway/logs/access.json");
    }

    private static long accessLogLines() throws IOException {
        try (var lines = Files.lines(accessLog())) {
            return lines.count();
        }
    }

    private static Set<String> upstreamsInAccessLog() throws IOException {
        return upstreamsInAccessLogSince(0);
    }

    private static Set<String> upstreamsInAccessLogSince(long skip) {
        Set<String> upstreams = new TreeSet<>();
        try (var lines = Files.lines(accessLog())) {
            lines.skip(skip).forEach(line -> {
                Matcher matcher = UPSTREAM.matcher(line);
                if (matcher.find()) {
                    // one address, or several when the gateway tried more than one instance
                    Matcher address = ADDRESS.matcher(matcher.group(1));
                    while (address.find()) {
                        upstreams.add(address.group());
                    }
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return upstreams;
    }

    private static String signIn(String email, String password) {
        Http.Reply reply = http.post("/users/api/tokens", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\"}", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("access_token");
    }

    private static String firstSku() {
        return skus(1).get(0);
    }

    /** SKUs of the demo catalog that are in stock. */
    private static List<String> skus(int count) {
        Http.Reply page = http.get("/catalog/api/products?size=48&inStock=true", null);
        assertEquals(200, page.status(), page.body());
        List<String> skus = new ArrayList<>();
        for (var item : page.json().getJsonArray("items")) {
            Http.Reply product = http.get("/catalog/api/products/" + item.asJsonObject().getString("id"), null);
            for (var variant : product.json().getJsonArray("variants")) {
                if (skus.size() < count) {
                    skus.add(variant.asJsonObject().getString("sku"));
                }
            }
        }
        assertEquals(count, skus.size(), "enough demo SKUs");
        return skus;
    }

    /** A new product with that many units, made by staff through the gateway. */
    private static String stockedSku(int units) {
        Http.Reply created = http.post("/catalog/api/products", "{\"name\":\"Failover Kettle " + UUID.randomUUID()
                .toString().substring(0, 6) + "\",\"status\":\"ACTIVE\",\"price\":{\"amount\":1500,\"currency\":"
                + "\"EUR\"}}", staff);
        assertEquals(201, created.status(), created.body());
        String sku = created.json().getJsonArray("variants").getJsonObject(0).getString("sku");
        Http.Reply stocked = http.put("/inventory/api/stock/" + sku, "{\"onHand\":" + units + "}", staff);
        assertEquals(200, stocked.status(), stocked.body());
        return sku;
    }

    /** A count from a service's database in the cluster's PostgreSQL (its superuser, loopback only). */
    private static long count(String database, String sql, Object... parameters) {
        Matcher port = Pattern.compile(":(\\d+)$").matcher(state().getProperty("postgres.url"));
        assertTrue(port.find());
        return new ServiceDatabase(Integer.parseInt(port.group(1)), database).count(sql, parameters);
    }

    private static int status(String url) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(url).toURL()
                    .openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            return connection.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean tcpOpen(int tcpPort) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", tcpPort), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        return LoopbackPorts.free();
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(clusterDir.resolve("logs/cluster.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no cluster log)";
        }
    }

    private record Command(int exit, String output) {
    }

    /** Runs {@code ClusterCommand <verb>} from the built platform, as {@code ./mercato cluster <verb>} does. */
    private static Command command(Map<String, String> env, String verb, Duration timeout) throws Exception {
        Path home = Path.of(System.getProperty("mercato.home"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("mercato-launcher.jar").toString(), "org.mercato.launcher.ClusterCommand", verb)
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("MERCATO_HOME", home.toString());
        Path output = Files.createTempFile("mercato-cluster-" + verb, ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("cluster " + verb + " did not finish in " + timeout + ":\n" + Files.readString(output));
        }
        String text = Files.readString(output);
        System.out.println("[cluster " + verb + "]\n" + text);
        return new Command(process.exitValue(), text);
    }

}
