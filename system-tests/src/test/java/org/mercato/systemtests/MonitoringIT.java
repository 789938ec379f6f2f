package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operators watch: the services' metrics at {@code /metrics} (Prometheus text), the Grafana dashboard and the
 * alert rules of {@code docker/}. After a shop's worth of activity (an order placed, one declined, searches), every
 * metric the dashboard and the rules name is exported with the values that activity gives; the rules pass
 * {@code promtool check rules} and their own unit tests ({@code docker/prometheus/alerts-test.yml}); the Prometheus
 * configuration passes {@code promtool check config}. promtool is Debian's ({@code prometheus} package, installed
 * by {@code ./mercato test}).
 */
@ExtendWith(PlatformExtension.class)
class MonitoringIT {

    private static final Path DOCKER = Path.of(System.getProperty("mercato.docker.dir", "../docker"))
            .toAbsolutePath();
    /** A metric name in a PromQL expression: Mercato's own and MicroProfile's (Fault Tolerance, base). */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:mercato|ft|memory|up)_[A-Za-z0-9_]+|up)\\b(?=\\s*[{\\[)]|\\s*[/>=<*]|\\s*$)");

    private static String staff;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String metrics() {
        // as Prometheus asks for it: its text format
        Http.Reply reply = http()
                .send(http().request("/metrics", null).setHeader("Accept", "text/plain").GET().build());
        assertEquals(200, reply.status(), reply.body());
        return reply.body();
    }

    /** The value of the first sample of {@code name} whose labels contain every one of {@code labels}, or -1. */
    static double sample(String text, String name, String... labels) {
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsExportedWithTheShopsActivity() throws Exception {
        String before = metrics();
        double placedBefore = Math.max(0, sample(before, "mercato_orders_placed_total", "service=\"orders\""));
        double declinedBefore = Math.max(0, sample(before, "mercato_payments_charges_total", "outcome=\"declined\""));
        double committedBefore = Math.max(0, sample(before, "mercato_inventory_reservations_total",
                "outcome=\"committed\""));

        String customer = UserApiIT.newSignedInCustomer().getString("access_token");
        String sku = Products.stockedSku("Monitored lamp", 4_900, 10, staff);
        Http.Reply placed = OrderFlowIT.place(customer, UUID.randomUUID().toString(),
                OrderFlowIT.cartWith(customer, Map.of(sku, 1)), "tok_visa");
        assertEquals(201, placed.status(), placed.body());
        Http.Reply declined = OrderFlowIT.place(customer, UUID.randomUUID().toString(),
                OrderFlowIT.cartWith(customer, Map.of(sku, 1)), "tok_chargeDeclined");
        assertEquals(402, declined.status(), declined.body());
        assertEquals(200, http().get("/catalog/api/products?q=lamp", null).status());
        assertEquals(200, http().get("/catalog/api/products?category=home", null).status());
        assertEquals(200, http().get("/catalog/api/suggestions?q=lam", null).status());

        // the consumers apply OrderPlaced (fulfillment, inventory's commit, analytics), and the outbox and
        // dead-letter gauges have been read once: every asynchronous effect is awaited, none assumed
        java.util.concurrent.atomic.AtomicReference<String> scraped = new java.util.concurrent.atomic.AtomicReference<>();
        Eventually.within(Duration.ofSeconds(60), "OrderPlaced applied by fulfillment, inventory and analytics, the"
                + " gauges read", () -> {
                    String t = metrics();
                    scraped.set(t);
                    return sample(t, "mercato_events_consumed_total", "service=\"fulfillment\"",
                            "event_type=\"OrderPlaced\"") > 0
                            && sample(t, "mercato_inventory_reservations_total",
                                    "outcome=\"committed\"") > committedBefore
                            && sample(t, "mercato_events_consumer_lag_seconds_count", "service=\"analytics\"") >= 1
                            && t.contains("mercato_dead_letter_depth{") && t.contains("mercato_outbox_pending{");
                });
        String text = scraped.get();
        assertTrue(text.lines().anyMatch(line -> line.startsWith("mercato_dead_letter_depth{") && line.contains(
                "service=\"admin\"") && line.contains("topic=\"mercato.orders\"")), "the console's gauge, tagged");

        assertEquals(placedBefore + 1, sample(text, "mercato_orders_placed_total", "service=\"orders\""), 0.0);
        assertTrue(sample(text, "mercato_orders_failed_total", "reason=\"payment_declined\"") >= 1, "a failed order");
        assertEquals(declinedBefore + 1, sample(text, "mercato_payments_charges_total", "outcome=\"declined\""), 0.0);
        assertTrue(sample(text, "mercato_payments_charges_total", "outcome=\"captured\"") >= 1, "a captured charge");
        assertTrue(sample(text, "mercato_inventory_reservations_total", "outcome=\"held\"") >= 2, "two holds");
        assertTrue(sample(text, "mercato_inventory_reservations_total", "outcome=\"committed\"") > committedBefore,
                "a commit");
        assertTrue(sample(text, "mercato_carts_items_added_total", "service=\"cart\"") >= 2, "two adds");
        assertTrue(sample(text, "mercato_search_duration_seconds_count", "kind=\"text\"") >= 1, "a text search");
        assertTrue(sample(text, "mercato_search_duration_seconds_count", "kind=\"suggest\"") >= 1, "suggestions");
        assertTrue(sample(text, "mercato_http_requests_total", "service=\"orders\"", "status=\"4xx\"") >= 1,
                "the declined order's 402");
        assertTrue(sample(text, "mercato_events_consumer_lag_seconds_count", "service=\"analytics\"") >= 1,
                "analytics' lag");

        Set<String> named = new TreeSet<>();
        named.addAll(metricNames(Files.readString(DOCKER.resolve("grafana/mercato-dashboard.json"))));
        named.addAll(metricNames(Files.readString(DOCKER.resolve("prometheus/alerts.yml"))));
        assertTrue(named.size() >= 12, "the names found: " + named);
        named.remove("up"); // Prometheus' own, per target
        named.remove("ALERTS");
        // the circuit breakers' metrics appear once a guarded call has been made: the order flow made some
        for (String name : named) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(text).find(),
                    name + " is named by the dashboard or the alerts but not exported");
        }
    }

    static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text.replace("\\\"", "\""));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void promtoolPassesTheAlertRulesTheirUnitTestsAndThePrometheusConfiguration() throws Exception {
        Path prometheus = DOCKER.resolve("prometheus");
        assertTrue(promtool(prometheus, "check", "rules", "alerts.yml").contains("SUCCESS: 8 rules found"));
        assertTrue(promtool(prometheus, "test", "rules", "alerts-test.yml").contains("SUCCESS"));
        // the configuration names the rules where the image puts them: check a copy that names them here
        Path copy = Files.createTempDirectory("mercato-prometheus");
        Files.writeString(copy.resolve("prometheus.yml"), Files.readString(prometheus.resolve("prometheus.yml"))
                .replace("/etc/mercato/alerts.yml", prometheus.resolve("alerts.yml").toString()),
                StandardCharsets.UTF_8);
        assertTrue(promtool(copy, "check", "config", "prometheus.yml").contains("SUCCESS"));
    }

    private static String promtool(Path directory, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
