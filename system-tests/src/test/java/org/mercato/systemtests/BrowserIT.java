package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storefront and the admin console in a real headless Chromium (Debian's), driven by Playwright
 * ({@code playwright-core}) against the embedded platform:
 * <ul>
 * <li>{@code storefront/e2e/shop.mjs}: browse a category, search with a typo, filter by a facet, open a product,
 * choose a variant, add to cart as a guest, register, a declined card (message, no order), check out with
 * {@code tok_visa} (a double click makes one order), follow the order to SHIPPED in the history, an item sold out
 * meanwhile, the main flow at a phone's size; axe-core on every page (no serious or critical violation), no CSP
 * violation, screenshots of every page at 360 and 1280 px under {@code target/screenshots/storefront};</li>
 * <li>{@code system-tests/browser/console.mjs}: staff-only console sign-in, session id renewal, dashboard with its
 * chart, a product with two variants and a picture (its markup name shown as text), stock counted on hand, a
 * shopper's order found and partly refunded, a forged postback refused, sign-out; screenshots of each screen.</li>
 * </ul>
 */
@ExtendWith(PlatformExtension.class)
class BrowserIT {

    private static String run(Path directory, List<String> command, Map<String, String> environment,
            Duration limit) throws Exception {
        assertTrue(Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))),
                "Debian's chromium is needed: ./mercato test installs it (apt-get install chromium)");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process node = builder.start();
        boolean finished = node.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, String.join(" ", command) + " did not finish in " + limit + ":\n" + output);
        assertEquals(0, node.exitValue(), output);
        return output;
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + PlatformExtension.platform().httpPort();
    }

    @Test
    void aShopperBuysInTheStorefrontOnADesktopAndAPhone() throws Exception {
        Path storefront = Path.of(System.getProperty("mercato.storefront.dir", "../storefront")).toAbsolutePath();
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "storefront").toAbsolutePath());
        String output = run(storefront, List.of("node", "e2e/shop.mjs", baseUrl(), shots.toString()), Map.of(
                "MERCATO_ADMIN_EMAIL", PlatformExtension.ADMIN_EMAIL, "MERCATO_ADMIN_PASSWORD",
                PlatformExtension.ADMIN_PASSWORD), Duration.ofMinutes(10));
        assertTrue(output.contains("storefront checks passed"), output);
        try (var files = Files.list(shots)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("home-phone.png") && names.contains("home-desktop.png") && names.contains(
                    "checkout-desktop.png"), "screenshots at both sizes: " + names);
        }
    }

    /**
     * Lighthouse's mobile profile on home, a category and a product page: accessibility at least 95, best practices
     * at least 90, performance at least {@code mercato.lighthouse.performance} (90) in the best of five runs, each
     * started when the machine is quiet (the script waits for under 30% CPU, 60 s at most: Lighthouse's simulated
     * phone counts other tests' leftover work as the page's); scores and reports in {@code target/lighthouse}.
     */
    @Test
    void theStorefrontKeepsItsLighthouseBudget() throws Exception {
        Path storefront = Path.of(System.getProperty("mercato.storefront.dir", "../storefront")).toAbsolutePath();
        Path reports = Files.createDirectories(Path.of("target", "lighthouse").toAbsolutePath());
        String output = run(storefront, List.of("node", "e2e/lighthouse.mjs", baseUrl(), reports.toString(), System
                .getProperty("mercato.lighthouse.performance", "90")), Map.of(), Duration.ofMinutes(10));
        assertTrue(output.contains("lighthouse budget held"), output);
        assertTrue(Files.readString(reports.resolve("lighthouse.json")).contains("\"product\""), output);
    }

    @Test
    void staffUseTheConsoleAndCustomersCannot() throws Exception {
        Path browserTests = Path.of(System.getProperty("mercato.browser.tests", "browser")).toAbsolutePath();
        Path shots = Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());
        // two messages no service can apply, parked on DLQ.mercato.inventory for staff to retry and discard
        String retried;
        String discarded;
        try (BrokerClient broker = new BrokerClient()) {
            retried = broker.publish("mercato.inventory", "StockAvailabilityChanged", "console retry: not JSON");
            discarded = broker.publish("mercato.inventory", "StockAvailabilityChanged", "console discard: not JSON");
        }
        String output = run(browserTests, List.of("node", "console.mjs", baseUrl(), PlatformExtension.ADMIN_EMAIL,
                PlatformExtension.ADMIN_PASSWORD, shots.toString()),
                Map.of("MERCATO_PARKED_EVENTS", retried + ","
                        + discarded),
                Duration.ofMinutes(5));
        assertTrue(output.contains("browser checks passed"), output);
        for (String screen : List.of("admin-dashboard.png", "admin-product.png", "admin-stock.png",
                "admin-order.png")) {
            assertTrue(Files.size(shots.resolve(screen)) > 0, screen);
        }
    }
}
