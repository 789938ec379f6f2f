package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mercato.platform.ports.LoopbackPorts;

/**
 * Mercato on a real one-node Docker Swarm (issue 15), from the host: every image builds (the bases made here from
 * Debian's packages: no image registry is reachable), {@code docker stack deploy} of {@code docker/stack.yml} brings
 * the whole stack to healthy, a shopper registers and orders through the gateway and the order ships, catalog scales
 * up and down while shoppers search, a rolling update fails no request, Prometheus scrapes every service and
 * {@code promtool} passes the alert rules, and {@code docker stack rm} leaves nothing behind.
 * <p>
 * Needs a running Docker engine; makes a one-node swarm on 127.0.0.1 if the engine is in none (and leaves it at the
 * end). Test traffic goes to the gateway's published port on 127.0.0.1 only; the stack is named
 * {@value #STACK} so it never touches a stack of the operator's.
 */
@TestMethodOrder(OrderAnnotation.class)
class SwarmStackIT {

    static final String STACK = "mercato-it";
    private static final String ADMIN_EMAIL = "admin@mercato.test";
    private static final String ADMIN_PASSWORD = "swarm-admin-password-1";
    private static final List<String> SERVICES = List.of("users", "catalog", "inventory", "orders", "cart",
            "payments", "notifications", "fulfillment", "analytics", "admin", "storefront");
    private static final Path REPO = Path.of(System.getProperty("mercato.repo", ".."))
            .toAbsolutePath().normalize();

    private static boolean swarmMadeHere;
    private static final List<String> secretsMadeHere = new ArrayList<>();
    /** The order the shopper's test took to SHIPPED, which the backup test finds again. */
    private static String shippedOrder;
    private static int port;
    private static Http http;

    @BeforeAll
    static void deploy() throws Exception {
        Run engine = run(Map.of(), Duration.ofMinutes(1), "docker", "info", "--format", "{{.Swarm.LocalNodeState}}");
        assertEquals(0, engine.exit(), "no Docker engine answers (start dockerd):\n" + engine.output());
        if (!engine.output().strip().equals("active")) {
            Run init = run(Map.of(), Duration.ofMinutes(1), "docker", "swarm", "init", "--advertise-addr",
                    "127.0.0.1");
            assertEquals(0, init.exit(), init.output());
            swarmMadeHere = true;
        }
        Run images = run(Map.of(), Duration.ofMinutes(30), "docker/build-images.sh", "--local-base");
        assertEquals(0, images.exit(), "the images did not build:\n" + images.output());
        Run secrets = run(Map.of("MERCATO_ADMIN_PASSWORD", ADMIN_PASSWORD, "MERCATO_ADMIN_EMAIL", ADMIN_EMAIL),
                Duration.ofMinutes(2), "docker/secrets.sh");
        assertEquals(0, secrets.exit(), secrets.output());
        for (String line : secrets.output().split("\n")) {
            if (line.startsWith("[secrets] ") && line.endsWith(" created")) {
                secretsMadeHere.add(line.substring("[secrets] ".length(), line.length() - " created".length()));
            }
        }
        port = freePort();
        Map<String, String> settings = new HashMap<>();
        settings.put("MERCATO_HTTP_PORT", Integer.toString(port));
        settings.put("MERCATO_SHOP_BASE_URL", "http://localhost:" + port);
        settings.put("MERCATO_ADMIN_EMAIL", ADMIN_EMAIL);
        settings.put("MERCATO_DEMO_PRODUCTS", "300");
        settings.put("MERCATO_AUTO_DISPATCH_SECONDS", "5");
        // C1 only, as cluster mode does on a small machine: thirteen JVMs start much faster on two cores
        settings.put("MERCATO_JVM_OPTIONS", "-XX:TieredStopAtLevel=1");
        // the tests send many requests from one address: the gateway's per-address limit is raised
        settings.put("MERCATO_GATEWAY_RATE_PER_ADDRESS", "2000r/s");
        settings.put("MERCATO_GATEWAY_BURST_PER_ADDRESS", "2000");
        // Grafana is the one official image of the stack; no registry is reachable here
        settings.put("MERCATO_GRAFANA_REPLICAS", "0");
        Run deployed = run(settings, Duration.ofMinutes(2), "docker", "stack", "deploy", "-c", "docker/stack.yml",
                STACK);
        assertEquals(0, deployed.exit(), deployed.output());
        awaitConverged(Duration.ofMinutes(30));
        http = new Http(port);
        Eventually.within(Duration.ofMinutes(3), "the storefront answers through the gateway",
                () -> http.get("/", null).status() == 200);
    }

    @AfterAll
    static void remove() throws Exception {
        try {
            keepTheStacksLogs();
            Run removed = run(Map.of(), Duration.ofMinutes(2), "docker", "stack", "rm", STACK);
            assertEquals(0, removed.exit(), removed.output());
            String label = "label=com.docker.stack.namespace=" + STACK;
            Eventually.within(Duration.ofMinutes(3), "the stack's containers and network are gone",
                    () -> lines("docker", "ps", "-aq", "--filter", label).isEmpty()
                            && lines("docker", "network", "ls", "-q", "--filter", label).isEmpty());
            for (String volume : lines("docker", "volume", "ls", "-q", "--filter", label)) {
                run(Map.of(), Duration.ofMinutes(1), "docker", "volume", "rm", volume);
            }
            for (String secret : secretsMadeHere) {
                run(Map.of(), Duration.ofMinutes(1), "docker", "secret", "rm", secret);
            }
            assertEquals(List.of(), lines("docker", "service", "ls", "-q", "--filter", label), "services left");
            assertEquals(List.of(), lines("docker", "volume", "ls", "-q", "--filter", label), "volumes left");
            assertEquals(List.of(), lines("docker", "config", "ls", "-q", "--filter", label), "configs left");
        } finally {
            if (swarmMadeHere) {
                run(Map.of(), Duration.ofMinutes(1), "docker", "swarm", "leave", "--force");
            }
        }
    }

    /**
     * Before the stack goes: each service's tasks ({@code docker service ps}) and the last 5,000 lines of its logs,
     * in {@code target/swarm-logs/<service>.log} (the gateway's JSON access log names the upstream of every answer).
     */
    private static void keepTheStacksLogs() {
        try {
            Path folder = Files.createDirectories(Path.of("target", "swarm-logs"));
            for (String service : lines("docker", "service", "ls", "--format", "{{.Name}}", "--filter",
                    "label=com.docker.stack.namespace=" + STACK)) {
                StringBuilder text = new StringBuilder(run(Map.of(), Duration.ofMinutes(1), "docker", "service",
                        "ps", "--no-trunc", service).output());
                // each container's own log (`docker service logs` hung here once for two minutes)
                for (String container : lines("docker", "ps", "-aq", "--filter",
                        "label=com.docker.swarm.service.name=" + service)) {
                    Run logs = run(Map.of(), Duration.ofMinutes(1), "docker", "logs", "--timestamps", "--tail",
                            "5000", container);
                    text.append("\n--- container ").append(container).append('\n').append(logs.output());
                }
                Files.writeString(folder.resolve(service + ".log"), text);
            }
        } catch (Exception | AssertionError e) {
            // diagnostics only: the stack is removed and checked all the same
            System.err.println("[swarm] could not keep every log of the stack: " + e.getMessage());
        }
    }

    @Test
    @Order(1)
    void everyServiceIsHealthyAndAnswersThroughTheGateway() {
        Map<String, String> replicas = replicas();
        for (String service : SERVICES) {
            String shown = replicas.get(STACK + "_" + service);
            assertTrue(shown != null && shown.matches("(\\d+)/\\1"), service + ": " + shown);
        }
        assertEquals("2/2", replicas.get(STACK + "_catalog"));
        assertEquals("2/2", replicas.get(STACK + "_cart"));
        for (String service : SERVICES.subList(0, SERVICES.size() - 2)) {
            Http.Reply ready = http.get("/" + service + "/health/ready", null);
            assertEquals(200, ready.status(), service + ": " + ready.body());
        }
    }

    @Test
    @Order(2)
    void aShopperRegistersOrdersAndTheOrderShips() {
        String email = "swarm-" + UUID.randomUUID() + "@mercato.test";
        Http.Reply registered = http.post("/users/api/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"shopper-password-1\",\"name\":\"Swarm Shopper\"}", null);
        assertEquals(201, registered.status(), registered.body());
        String token = signIn(email, "shopper-password-1");
        String sku = stockedSku();
        String cartId = http.post("/cart/api/carts", "", token).json().getString("id");
        Http.Reply added = http.post("/cart/api/carts/" + cartId + "/items",
                "{\"sku\":\"" + sku + "\",\"quantity\":1}", token);
        assertEquals(200, added.status(), added.body());
        // the first order of a stack just started on two cores meets cold services: a 503 is a clear "try again",
        // which a shopper does under a new key (order-war README); at most three tries, each one shown
        Http.Reply placed = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            placed = http.send(http.request("/orders/api/orders", token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"cartId\":\"" + cartId
                            + "\",\"shippingAddress\":" + OrderFlowIT.ADDRESS
                            + ",\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"}}"))
                    .build());
            if (placed.status() != 503) {
                break;
            }
            System.out.println("[swarm] order attempt " + attempt + " answered 503: " + placed.body());
        }
        assertEquals(201, placed.status(), placed.body());
        String orderId = placed.json().getString("id");
        Eventually.within(Duration.ofMinutes(3), "the order reaches SHIPPED (the demo warehouse dispatches it)",
                () -> "SHIPPED".equals(http.get("/orders/api/orders/" + orderId, token).json().getString("status")));
        shippedOrder = orderId;
    }

    @Test
    @Order(6)
    void aBackupOfTheRunningShopRestoresIntoAnEmptyServer() throws Exception {
        assertTrue(shippedOrder != null, "needs the shopper's order");
        String postgres = lines("docker", "ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK
                + "_postgres").get(0);
        Path dump = Files.createTempFile("mercato-backup", ".sql");
        String restore = STACK + "-restore-check";
        try {
            // docs/deploy.md, "Backups and restore", while the shop runs
            Run dumped = run(Map.of(), Duration.ofMinutes(5), "bash", "-c", "docker exec " + postgres
                    + " pg_dumpall --clean > " + dump);
            assertEquals(0, dumped.exit(), dumped.output());
            // an empty server of the same image (no service databases of its own), restored from the file
            Run started = run(Map.of(), Duration.ofMinutes(1), "docker", "run", "-d", "--name", restore, "-e",
                    "MERCATO_DATABASES=", "mercato/postgres:latest");
            assertEquals(0, started.exit(), started.output());
            Eventually.within(Duration.ofMinutes(1), "the empty server accepts connections", () -> {
                try {
                    return run(Map.of(), Duration.ofSeconds(20), "docker", "exec", restore, "pg_isready", "-q")
                            .exit() == 0;
                } catch (Exception e) {
                    return false;
                }
            });
            Run restored = run(Map.of(), Duration.ofMinutes(5), "bash", "-c", "docker exec -i " + restore
                    + " psql -q -d postgres < " + dump);
            assertEquals(0, restored.exit(), restored.output());
            Run status = run(Map.of(), Duration.ofSeconds(30), "docker", "exec", restore, "psql", "-tA", "-d",
                    "orders", "-c", "select status from customer_order where id = '" + shippedOrder + "'");
            assertEquals("SHIPPED", status.output().strip(), status.output());
        } finally {
            run(Map.of(), Duration.ofMinutes(1), "docker", "rm", "-f", "-v", restore);
            Files.deleteIfExists(dump);
        }
    }

    @Test
    @Order(3)
    void scalingCatalogUpAndDownKeepsSearchAnswering() throws Exception {
        try (Load searches = new Load("/catalog/api/products?q=shirt")) {
            scale("catalog", 3);
            scale("catalog", 1);
            searches.assertAnswered();
        }
        scale("catalog", 2);
    }

    @Test
    @Order(4)
    void aRollingUpdateFailsNoRequest() throws Exception {
        String before = String.join(",", lines("docker", "service", "ps", "-q", "--filter", "desired-state=running",
                STACK + "_catalog"));
        try (Load reads = new Load("/catalog/api/categories")) {
            Run updated = run(Map.of(), Duration.ofMinutes(20), "docker", "service", "update", "--detach=false",
                    "--env-add", "MERCATO_ROLLOUT=" + UUID.randomUUID(), STACK + "_catalog");
            assertEquals(0, updated.exit(), updated.output());
            reads.assertAnswered();
        }
        String after = String.join(",", lines("docker", "service", "ps", "-q", "--filter", "desired-state=running",
                STACK + "_catalog"));
        assertTrue(!after.isEmpty() && !after.equals(before), "the tasks were replaced: " + before + " -> " + after);
        assertEquals("2/2", replicas().get(STACK + "_catalog"));
    }

    @Test
    @Order(5)
    void prometheusScrapesEveryServiceAndPromtoolPassesTheRules() throws Exception {
        String prometheus = lines("docker", "ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK
                + "_prometheus").get(0);
        Set<String> up = new TreeSet<>();
        Eventually.within(Duration.ofMinutes(3), "Prometheus has every service's targets up", () -> {
            up.clear();
            String targets = prometheusGet(prometheus, "/api/v1/targets?state=active");
            if (targets == null) {
                return false;
            }
            Set<String> down = new TreeSet<>();
            for (JsonValue value : Json.createReader(new StringReader(targets)).readObject()
                    .getJsonObject("data").getJsonArray("activeTargets")) {
                JsonObject target = value.asJsonObject();
                String service = target.getJsonObject("labels").getString("service", "");
                if (!service.isEmpty()) {
                    (target.getString("health").equals("up") ? up : down).add(service);
                }
            }
            up.removeAll(down);
            return up.containsAll(SERVICES);
        });
        Run rules = run(Map.of(), Duration.ofMinutes(2), "docker", "run", "--rm", "--entrypoint", "promtool",
                "mercato/prometheus:latest", "check", "rules", "/etc/mercato/alerts.yml");
        assertEquals(0, rules.exit(), rules.output());
        assertTrue(rules.output().contains("SUCCESS"), rules.output());
    }

    // ---- helpers

    /** Requests in a loop from another thread; {@link #assertAnswered} requires every one answered 200. */
    private static final class Load implements AutoCloseable {
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Load(String path) {
            thread = new Thread(() -> {
                while (running.get()) {
                    Http.Reply reply;
                    try {
                        reply = http.get(path, null);
                    } catch (java.io.UncheckedIOException closedBeforeAnswering) {
                        // a kept-alive connection closed by the gateway's graceful reload (it follows the tasks)
                        // before any byte of an answer: a GET is then sent again on a new connection, as browsers
                        // do (RFC 9112, 9.3.1); only a second failure counts
                        try {
                            reply = http.get(path, null);
                        } catch (java.io.UncheckedIOException again) {
                            failures.add("no answer: " + again.getMessage());
                            continue;
                        }
                    }
                    if (reply.status() == 200) {
                        answered.incrementAndGet();
                    } else {
                        failures.add(reply.status() + " " + reply.body());
                    }
                }
            }, "swarm-load");
            thread.start();
        }

        void assertAnswered() {
            int before = answered.get();
            Eventually.within(Duration.ofSeconds(30), "requests keep being answered", () -> answered.get() > before);
            assertEquals(List.of(), failures, "no request failed");
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }
    }

    /**
     * docs/deploy.md, "Rotating the JWT signing key": the next key is published, every service has learnt it (the
     * documented wait: Payara keeps a key set 5 minutes), the users service signs with it; a token signed with the old
     * key before the rotation still works at the other services, and so does one signed with the new key.
     */
    @Test
    @Order(7)
    void theSigningKeyRotatesWithoutSigningAnyoneOut() throws Exception {
        String before = signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertStaffTokenWorks(before);
        Path keys = Files.createTempDirectory("mercato-rotation");
        try {
            Path next = keys.resolve("next.pem");
            Path nextPublic = keys.resolve("next.pub");
            Path previousPublic = keys.resolve("previous.pub");
            assertEquals(0, run(Map.of(), Duration.ofMinutes(1), "openssl", "genpkey", "-algorithm", "RSA",
                    "-pkeyopt", "rsa_keygen_bits:2048", "-out", next.toString()).exit());
            assertEquals(0, run(Map.of(), Duration.ofMinutes(1), "openssl", "pkey", "-in", next.toString(), "-pubout",
                    "-out", nextPublic.toString()).exit());
            // the key in use, as the users service reads it
            String users = lines("docker", "ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK
                    + "_users").get(0);
            Run current = run(Map.of(), Duration.ofSeconds(30), "docker", "exec", users, "cat",
                    "/run/secrets/mercato.jwt.signing-key-public");
            assertEquals(0, current.exit(), current.output());
            Files.writeString(previousPublic, current.output());

            // 1. publish the next key beside the one in use
            createSecret("mercato.jwt.next-public", nextPublic);
            updateUsers("--secret-add", "source=mercato.jwt.next-public,target=mercato.jwt.additional-public-keys");
            Eventually.within(Duration.ofMinutes(2), "the key set publishes two keys",
                    () -> http.get("/users/api/jwks", null).json().getJsonArray("keys").size() == 2);
            assertStaffTokenWorks(before);
            // every service reads the key set again once its answer's max-age (60 s) has passed: a token the test
            // signs with the next key (the staff token's claims, the next key's id from the key set) is accepted once
            // every instance asked knows it; until then it is a 401 there
            String nextKeyId = http.get("/users/api/jwks", null).json().getJsonArray("keys").stream()
                    .map(k -> k.asJsonObject().getString("kid")).filter(k -> !k.equals(keyId(before))).findFirst()
                    .orElseThrow();
            String signedWithNext = Jwt.signed("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + nextKeyId + "\"}",
                    Jwt.payload(before), Jwt.key(java.util.Base64.getMimeDecoder().decode(Files.readString(next)
                            .replaceAll("-----[A-Z ]+-----", ""))));
            long published = System.nanoTime();
            Eventually.within(Duration.ofMinutes(3), "catalog and inventory accept a token signed with the next key",
                    () -> acceptedEveryTime(signedWithNext, 6));
            System.out.printf("[swarm] every service asked knew the next key %d s after it was published%n",
                    (System.nanoTime() - published) / 1_000_000_000L);

            // 2. sign with the next key, keep the old one published
            createSecret("mercato.jwt.signing-key.2", next);
            createSecret("mercato.jwt.signing-key-public.2", nextPublic);
            createSecret("mercato.jwt.previous-public", previousPublic);
            updateUsers("--secret-rm", "mercato.jwt.signing-key", "--secret-add",
                    "source=mercato.jwt.signing-key.2,target=mercato.jwt.signing-key", "--secret-rm",
                    "mercato.jwt.signing-key-public", "--secret-add",
                    "source=mercato.jwt.signing-key-public.2,target=mercato.jwt.signing-key-public", "--secret-rm",
                    "mercato.jwt.next-public", "--secret-add",
                    "source=mercato.jwt.previous-public,target=mercato.jwt.additional-public-keys");
            String after = signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            assertTrue(!keyId(after).equals(keyId(before)), "the new token is signed with the next key");
            assertStaffTokenWorks(after);
            assertStaffTokenWorks(before);
            assertEquals(2, http.get("/users/api/jwks", null).json().getJsonArray("keys").size());
        } finally {
            try (var files = Files.list(keys)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(keys);
        }
    }

    private static void createSecret(String name, Path file) throws Exception {
        Run created = run(Map.of(), Duration.ofMinutes(1), "docker", "secret", "create", name, file.toString());
        assertEquals(0, created.exit(), created.output());
        secretsMadeHere.add(name);
    }

    private static void updateUsers(String... changes) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "service", "update", "--detach=false"));
        command.addAll(List.of(changes));
        command.add(STACK + "_users");
        Run updated = run(Map.of(), Duration.ofMinutes(10), command.toArray(String[]::new));
        assertEquals(0, updated.exit(), updated.output());
    }

    /**
     * Whether {@code times} requests in a row to catalog and to inventory (each reaching one of the service's
     * instances through the gateway) accept the staff token.
     */
    private static boolean acceptedEveryTime(String token, int times) {
        for (int i = 0; i < times; i++) {
            for (String path : List.of("/catalog/api/status", "/inventory/api/outbox")) {
                if (http.get(path, token).status() != 200) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A staff token is accepted by two services other than the one that signed it. */
    private static void assertStaffTokenWorks(String token) {
        for (String path : List.of("/catalog/api/status", "/inventory/api/outbox")) {
            Http.Reply reply = http.get(path, token);
            assertEquals(200, reply.status(), path + ": " + reply.body());
        }
    }

    /** The {@code kid} of a JWT's header. */
    private static String keyId(String jwt) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(header)).readObject().getString("kid");
    }

    private static void scale(String service, int replicas) throws Exception {
        Run scaled = run(Map.of(), Duration.ofMinutes(15), "docker", "service", "scale", "--detach=false",
                STACK + "_" + service + "=" + replicas);
        assertEquals(0, scaled.exit(), scaled.output());
        assertEquals(replicas + "/" + replicas, replicas().get(STACK + "_" + service));
    }

    /** The service's "running/desired" replicas, by service name. */
    private static Map<String, String> replicas() {
        Map<String, String> replicas = new HashMap<>();
        for (String line : lines("docker", "stack", "services", STACK, "--format", "{{.Name}} {{.Replicas}}")) {
            String[] parts = line.split(" ");
            replicas.put(parts[0], parts[1]);
        }
        return replicas;
    }

    /** Waits until every service of the stack runs all its replicas, showing progress every 30 s. */
    private static void awaitConverged(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long started = System.nanoTime();
        long lastShown = 0;
        while (true) {
            Map<String, String> replicas = replicas();
            List<String> waiting = replicas.entrySet().stream()
                    .filter(entry -> !entry.getValue().matches("(\\d+)/\\1"))
                    .map(entry -> entry.getKey() + " " + entry.getValue()).sorted().toList();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            if (!replicas.isEmpty() && waiting.isEmpty()) {
                System.out.println("[swarm] every service of " + STACK + " healthy after " + seconds + " s");
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the stack did not converge in " + limit + ": " + waiting);
            }
            if (seconds - lastShown >= 30) {
                System.out.println("[swarm] " + seconds + " s, waiting for " + waiting);
                lastShown = seconds;
            }
            Thread.sleep(5_000);
        }
    }

    /** GET from Prometheus inside its container (it is not published), with bash's /dev/tcp. */
    private static String prometheusGet(String container, String path) {
        try {
            Run reply = run(Map.of(), Duration.ofSeconds(30), "docker", "exec", container, "bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/9090 && printf 'GET " + path
                            + " HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && timeout 10 cat <&3");
            int body = reply.output().indexOf("\r\n\r\n");
            return reply.exit() == 0 && body > 0 ? reply.output().substring(body + 4) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String signIn(String email, String password) {
        Http.Reply reply = http.post("/users/api/tokens",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("access_token");
    }

    /** A SKU of the demo catalog with stock (the demo stocks every SKU). */
    private static String stockedSku() {
        Http.Reply products = http.get("/catalog/api/products?size=5&inStock=true", null);
        assertEquals(200, products.status(), products.body());
        JsonObject first = products.json().getJsonArray("items").getJsonObject(0);
        Http.Reply product = http.get("/catalog/api/products/" + first.getString("id"), null);
        return product.json().getJsonArray("variants").getJsonObject(0).getString("sku");
    }

    private static int freePort() {
        return LoopbackPorts.free();
    }

    private record Run(int exit, String output) {
    }

    private static List<String> lines(String... command) {
        try {
            Run run = run(Map.of(), Duration.ofMinutes(1), command);
            return run.output().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command in the repository's folder, bounded in time; its output (both streams) is kept. */
    private static Run run(Map<String, String> env, Duration timeout, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path output = Files.createTempFile("mercato-swarm", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in " + timeout + ":\n" + Files.readString(output));
        }
        String text = Files.readString(output);
        Files.delete(output);
        return new Run(process.exitValue(), text);
    }
}
