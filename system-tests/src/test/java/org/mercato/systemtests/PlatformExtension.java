package org.mercato.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mercato.launcher.EmbeddedPlatform;
import org.mercato.launcher.Settings;

/**
 * Starts embedded mode once for all system tests (one Payara JVM) on free ports with a fresh data directory,
 * and stops it when the last test has run.
 */
public final class PlatformExtension implements BeforeAllCallback {

    static final String ADMIN_EMAIL = "admin@mercato.test";
    static final String ADMIN_PASSWORD = "admin-test-password-1";
    /** A small demo catalog keeps the start quick; the generator is the one embedded mode uses. */
    static final int DEMO_PRODUCTS = 300;
    /** The order service's client secret, known to the tests so they can charge as the order service does. */
    static final String ORDERS_SERVICE_SECRET = "orders-service-secret-for-system-tests-" + java.util.UUID
            .randomUUID();

    private static EmbeddedPlatform platform;
    private static EventRecorder events;
    private static FaultyLink paymentsLink;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PlatformExtension.class) {
            if (platform == null) {
                int httpPort = Ports.free();
                // the order service reaches payments through a link the tests can cut (OrderFlowIT)
                paymentsLink = new FaultyLink(httpPort);
                platform = start(freshDataDir("shared"), httpPort, Map.of("MERCATO_CATALOG_DEMO_PRODUCTS",
                        Integer.toString(DEMO_PRODUCTS), "MERCATO_SERVICES_PAYMENTS_URL", "http://127.0.0.1:"
                                + paymentsLink.port(),
                        // shipments wait for the tests' staff steps instead of the demo warehouse
                        "MERCATO_FULFILLMENT_AUTO_DISPATCH_SECONDS", "0",
                        // a late charge is looked up after 3 s instead of a minute (OrderFlowIT)
                        "MERCATO_ORDERS_PAYMENT_CHECK_AFTER_SECONDS", "3",
                        // payments charges for the order service only: PaymentApiIT signs in as it
                        "MERCATO_SERVICE_CLIENTS_ORDERS_SECRET", ORDERS_SERVICE_SECRET,
                        // the tests are a trusted proxy (X-Forwarded-For stands for other clients, RateLimitIT)
                        // and, at their own address, free of per-address limits: they register and sign in a lot
                        "MERCATO_HTTP_TRUSTED_PROXIES", "127.0.0.1",
                        "MERCATO_RATELIMIT_EXEMPT_ADDRESSES", "127.0.0.1",
                        // one customer places 50 orders in a row (OrderFlowIT)
                        "MERCATO_RATELIMIT_ORDERS_PER_CUSTOMER", "60/60",
                        // a line for every request (UserApiIT reads them for secrets); the default logs slow ones
                        "MERCATO_HTTP_REQUEST_LOG", "all",
                        // webhook retries after 1 s instead of 10 (WebhooksIT)
                        "MERCATO_WEBHOOKS_RETRY_BASE_SECONDS", "1"));
                // every event the services publish from here on is checked against its contract
                events = new EventRecorder(platform.brokerPort());
                awaitSettled(platform, Duration.ofSeconds(120));
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("mercato-platform",
                        (ExtensionContext.Store.CloseableResource) () -> {
                            events.close();
                            platform.close();
                            platform = null;
                            paymentsLink.close();
                        });
            }
        }
    }

    /**
     * A first start sets off a wave of events (the demo catalog announced, stocked, indexed): tests begin once
     * the broker has had nothing left to deliver for 3 s, so none of them waits behind it.
     */
    static void awaitSettled(EmbeddedPlatform started, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int quietChecks = 0;
        while (quietChecks < 6 && System.nanoTime() < deadline) {
            quietChecks = started.pendingMessages() == 0 ? quietChecks + 1 : 0;
            Thread.sleep(500);
        }
        System.out.println("[platform] events settled: " + (quietChecks >= 6) + ", pending "
                + started.pendingMessages());
    }

    static EmbeddedPlatform platform() {
        return platform;
    }

    /** What the services have published since the shared platform started, checked against the contracts. */
    static EventRecorder events() {
        return events;
    }

    /** The link between the order service and payments. */
    static FaultyLink paymentsLink() {
        return paymentsLink;
    }

    private static Http http;

    /** A client for the shared platform's public HTTP API. */
    static synchronized Http http() {
        if (http == null || http.port() != platform.httpPort()) {
            http = new Http(platform.httpPort());
        }
        return http;
    }

    /** A fresh access token of the demo admin (staff rights), signed in through the users API. */
    static String staffToken() {
        return UserApiIT.login(ADMIN_EMAIL, ADMIN_PASSWORD).getString("access_token");
    }

    /** The shared platform's Payara log, as the operator reads it. */
    static Path payaraLog() {
        return sharedDataDir().resolve("logs/payara.log");
    }

    /** The shared platform's data directory (database, broker, index and image files). */
    static Path sharedDataDir() {
        return Path.of(System.getProperty("mercato.test.dir", "target/platform-data")).resolve("shared");
    }

    /** A platform of its own, for tests that stop and start it; the caller closes it. */
    static EmbeddedPlatform start(String name, Map<String, String> extraEnvironment) throws Exception {
        return start(freshDataDir(name), Ports.free(), extraEnvironment);
    }

    /** A fresh data directory: each run starts from an empty shop, as a first `./mercato up` does. */
    static Path freshDataDir(String name) throws java.io.IOException {
        Path dataDir = Path.of(System.getProperty("mercato.test.dir", "target/platform-data")).resolve(name);
        if (Files.exists(dataDir)) {
            try (var paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
        return Files.createDirectories(dataDir);
    }

    static EmbeddedPlatform start(Path dataDir, int httpPort, Map<String, String> extraEnvironment)
            throws Exception {
        Files.createDirectories(dataDir);
        Map<String, String> env = new HashMap<>();
        env.put("MERCATO_DATA_DIR", dataDir.toString());
        env.put("MERCATO_HTTP_PORT", Integer.toString(httpPort));
        env.put("MERCATO_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("MERCATO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("MERCATO_PAYARA_HEAP", "768m");
        Settings settings = Settings.fromEnvironment(Path.of(System.getProperty("mercato.home")), env)
                .withExtraEnvironment(extraEnvironment);
        return EmbeddedPlatform.start(settings, line -> System.out.println("[platform] " + line),
                Duration.ofMinutes(4));
    }

    static final class Ports {
        private Ports() {
        }

        /** Below the kernel's ephemeral range, so no outgoing connection takes it before the platform binds it. */
        static int free() {
            return org.mercato.platform.ports.LoopbackPorts.free();
        }
    }
}
