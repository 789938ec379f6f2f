package org.mercato.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mercato.benchmarks.gatling.BenchSettings;

/**
 * {@code ./mercato bench}: runs the load generator and writes one report of the run, with the baselines measured in
 * the same run. Commands:
 *
 * <ul>
 * <li>{@code shop|browse|search|cart|checkout}: the baselines, then that shopper workload (open model) against
 * the running platform</li>
 * <li>{@code targets}: the baselines, then {@code TargetsSimulation} (each request kind alone, closed model)</li>
 * <li>{@code baselines}: the baselines only</li>
 * <li>{@code orders}: place-order at 1, 4, 16 and 64 concurrent shoppers (the throughput curve)</li>
 * <li>{@code catalog 2000,10000,100000}: for each size, a platform of its own started on empty data (start time,
 * seeding and indexing time, stocking time, search and suggestion latency); the first size also measures the
 * mixed workload's memory and a second start</li>
 * </ul>
 *
 * Options: {@code --no-baselines}; {@code --cluster}: the platform is cluster mode ({@code ./mercato cluster up}),
 * loaded through its NGINX gateway, its PostgreSQL found under {@code <data>/cluster}. Settings: the {@code mercato.bench.*} system properties of the simulations,
 * passed on to Gatling. The report (Markdown, the figures as JSON lines, PNG plots) goes to
 * {@code benchmarks/gatling/target/bench/<time>/}.
 */
public final class BenchRun {

    private final Path module;
    private final Path repository;
    private final Path out;
    private final GatlingRun gatling;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Report report;
    /** The running platform's data folder ({@code MERCATO_DATA_DIR}, default {@code <repository>/data}). */
    private final Path dataDir;
    /** Its PostgreSQL, found through the data folder; null when no platform's PostgreSQL runs there. */
    private final Psql database;

    private BenchRun(Path module, Path repository, String title, boolean cluster) throws IOException {
        this.module = module;
        this.repository = repository;
        this.out = module.resolve("target/bench").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")));
        Files.createDirectories(out);
        // each run's Gatling reports in a folder of its own: a second bench run at the same time never takes them
        this.gatling = new GatlingRun(module, out.resolve("gatling"));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("mercato.bench.")).sorted()
                .forEach(k -> settings.put(k, System.getProperty(k)));
        Path data = Path.of(System.getenv().getOrDefault("MERCATO_DATA_DIR", repository.resolve("data")
                .toString()));
        this.dataDir = cluster ? data.resolve("cluster") : data;
        Psql found;
        try {
            found = new Psql(OwnPlatform.databasePort(dataDir));
        } catch (IOException | RuntimeException e) {
            found = null;
        }
        this.database = found;
        this.report = new Report(out, cluster ? title + " (cluster mode, through the NGINX gateway)" : title,
                database);
    }

    /** {@code BenchRun <module dir> <repository dir> <command> [argument] [--no-baselines] [--cluster]} */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: BenchRun <module> <repository> <command> [argument] [--no-baselines]"
                    + " [--cluster]");
            System.exit(2);
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(2, args.length));
        boolean baselines = !rest.remove("--no-baselines");
        boolean cluster = rest.remove("--cluster");
        String command = rest.isEmpty() ? "shop" : rest.remove(0);
        if (cluster && command.equals("catalog")) {
            System.err.println("the catalog curve starts embedded platforms of its own: run it without --cluster");
            System.exit(2);
        }
        String sizes = rest.isEmpty() ? "2000,10000,100000" : rest.get(0);
        if (command.equals("catalog") && catalogSizes(sizes).isEmpty()) {
            System.err.println("catalog sizes are whole numbers of products from 1 to 10,000,000, comma-separated"
                    + " (e.g. 2000,10000,100000), not: " + sizes);
            System.exit(2);
        }
        // every setting checked before anything is measured (a wrong one would otherwise end the run minutes in,
        // after the baselines, in Gatling's JVM)
        try {
            checkSettings();
        } catch (IllegalArgumentException e) {
            System.err.println("[mercato-bench] " + e.getMessage());
            System.exit(2);
        }
        BenchRun run = new BenchRun(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(), command,
                cluster);
        boolean passed = switch (command) {
            case "shop", "browse", "search", "cart", "checkout" -> run.workload(command, baselines);
            case "targets" -> run.targets(baselines);
            case "baselines" -> run.baselinesOnly();
            case "orders" -> run.orderCurve();
            case "catalog" -> run.catalogCurve(sizes);
            default -> {
                System.err.println("unknown bench command: " + command);
                System.exit(2);
                yield false;
            }
        };
        run.report.write();
        System.out.println("[mercato-bench] report: " + run.out.resolve("report.md"));
        System.exit(passed ? 0 : 1);
    }

    /**
     * Checks the {@code mercato.bench.*} settings of this JVM's system properties: the workloads' (through
     * {@link BenchSettings}) and the bench run's own numbers.
     *
     * @throws IllegalArgumentException naming the first wrong setting and its value
     */
    static void checkSettings() {
        BenchSettings.fromSystemProperties();
        for (String clients : List.of("mercato.bench.concurrency", "mercato.bench.searchConcurrency")) {
            int value = BenchSettings.wholeNumber(clients, "8");
            if (value < 1 || value > 1024) {
                throw new IllegalArgumentException(clients + " must be from 1 to 1024 clients, not: " + value);
            }
        }
        if (BenchSettings.wholeNumber("mercato.bench.baselineSeconds", "10") < 1) {
            throw new IllegalArgumentException("mercato.bench.baselineSeconds must be at least 1");
        }
    }

    private String baseUrl() {
        return settings.getOrDefault("mercato.bench.baseUrl", "http://127.0.0.1:8080");
    }

    private int seconds(String key, int fallback) {
        return Integer.parseInt(settings.getOrDefault(key, String.valueOf(fallback)));
    }

    private Baselines baselines() {
        return new Baselines(gatling, out.resolve("baselines"), seconds("mercato.bench.baselineSeconds", 10),
                seconds("mercato.bench.concurrency", 32));
    }

    private void measureBaselines(String platformUrl) throws IOException, InterruptedException {
        Baselines baselines = baselines();
        Baselines.StaticFile file = Baselines.staticFile(repository.resolve(
                "platform/launcher/target/platform/wars/ROOT.war"), out.resolve("baselines"));
        System.out.println("[mercato-bench] baselines: the static file " + file.path() + " (" + file.bytes()
                + " bytes) from NGINX and from Payara, pgbench, Hazelcast IMap");
        report.baseline(baselines.nginxStatic(file));
        report.baseline(baselines.payaraStatic(platformUrl, file));
        if (database != null) {
            baselines.pgbench(database).forEach(report::baseline);
        } else {
            report.baseline(new Baselines.Figure("pgbench", 0, 0, 0, "not measured: no PostgreSQL of the platform"
                    + " found under " + dataDir + " (set MERCATO_DATA_DIR to the platform's data folder)"));
        }
        baselines.hazelcast().forEach(report::baseline);
    }

    private boolean workload(String scenario, boolean withBaselines) throws IOException, InterruptedException {
        if (withBaselines) {
            measureBaselines(baseUrl());
        }
        String simulation = "org.mercato.benchmarks.gatling." + scenario.substring(0, 1).toUpperCase(Locale.ROOT)
                + scenario.substring(1) + "Simulation";
        long commitsBefore = report.commits();
        GatlingRun.Result result = gatling.run(simulation, settings, Duration.ofMinutes(30));
        report.run(scenario, GatlingReport.read(result.reportDirectory()), commitsBefore);
        return result.passed();
    }

    private boolean targets(boolean withBaselines) throws IOException, InterruptedException {
        if (withBaselines) {
            measureBaselines(baseUrl());
        }
        // no commit count: every request kind of the run would be counted against the orders
        long commitsBefore = -1;
        GatlingRun.Result result = gatling.run("org.mercato.benchmarks.gatling.TargetsSimulation", settings, Duration
                .ofMinutes(30));
        report.run("targets", GatlingReport.read(result.reportDirectory()), commitsBefore, seconds(
                "mercato.bench.durationSeconds", 20));
        return result.passed();
    }

    private boolean baselinesOnly() throws IOException, InterruptedException {
        measureBaselines(baseUrl());
        return true;
    }

    private boolean orderCurve() throws IOException, InterruptedException {
        boolean passed = true;
        for (int shoppers : new int[]{1, 4, 16, 64}) {
            Map<String, String> properties = new LinkedHashMap<>(settings);
            properties.put("mercato.bench.requests", "place-order");
            properties.put("mercato.bench.writeConcurrency", String.valueOf(shoppers));
            properties.putIfAbsent("mercato.bench.durationSeconds", "30");
            long commitsBefore = report.commits();
            GatlingRun.Result result = gatling.run("org.mercato.benchmarks.gatling.TargetsSimulation", properties,
                    Duration.ofMinutes(10));
            GatlingReport gatlingReport = GatlingReport.read(result.reportDirectory());
            report.orderPoint(shoppers, gatlingReport, Integer.parseInt(properties.get(
                    "mercato.bench.durationSeconds")), commitsBefore);
            passed &= result.passed();
        }
        return passed;
    }

    /**
     * The catalog sizes of {@code ./mercato bench catalog SIZES}: comma-separated whole numbers of products, {@code _}
     * allowed as a digit separator ({@code 100_000}), each from 1 to 10,000,000; empty when any is not.
     */
    static List<Integer> catalogSizes(String sizes) {
        List<Integer> parsed = new ArrayList<>();
        for (String size : sizes.split(",", -1)) {
            String digits = size.strip().replace("_", "");
            int products = digits.matches("[0-9]{1,8}") ? Integer.parseInt(digits) : 0;
            if (products < 1 || products > 10_000_000) {
                return List.of();
            }
            parsed.add(products);
        }
        return parsed;
    }

    private boolean catalogCurve(String sizes) throws IOException, InterruptedException {
        String email = "bench-admin@mercato.test";
        String password = "bench-admin-password-" + ProcessHandle.current().pid();
        Path launcher = repository.resolve("platform/launcher/target/platform/mercato-launcher.jar");
        boolean first = true;
        boolean passed = true;
        // -Dmercato.bench.demoStock=false: seeded, indexed and searched, not stocked (a 1,000,000 catalog's stocking
        // would take hours here); the mixed workload, which buys, is then left out
        boolean demoStock = !"false".equalsIgnoreCase(settings.getOrDefault("mercato.bench.demoStock", "true"));
        for (int products : catalogSizes(sizes)) {
            Path data = out.resolve("platform-" + products);
            System.out.println("[mercato-bench] catalog of " + products + " products: starting a platform of its own"
                    + " on empty data in " + data);
            Report.CatalogPoint point;
            try (OwnPlatform platform = OwnPlatform.start(launcher, data, products, demoStock, email, password)) {
                double ready = platform.awaitReady(OwnPlatform.readyLimit(products).plusSeconds(30));
                long seeded = platform.seededAndIndexedMillis().orElse(-1);
                double stocked = demoStock ? platform.awaitStocked(Duration.ofMinutes(60)) : Double.NaN;
                System.out.printf(Locale.ROOT, "[mercato-bench] %d products: ready after %.1f s, seeded and indexed"
                        + " in %.1f s, %s%n", products, ready, seeded / 1000.0,
                        demoStock
                                ? String.format(Locale.ROOT, "stocked after %.1f s", stocked)
                                : "not stocked (demo stock off)");
                Map<String, String> properties = new LinkedHashMap<>(settings);
                properties.put("mercato.bench.baseUrl", platform.baseUrl());
                properties.put("mercato.bench.requests", "search,suggestions");
                properties.putIfAbsent("mercato.bench.durationSeconds", "20");
                properties.put("mercato.bench.concurrency", settings.getOrDefault("mercato.bench.searchConcurrency",
                        "8"));
                GatlingRun.Result result = gatling.run("org.mercato.benchmarks.gatling.TargetsSimulation", properties,
                        Duration.ofMinutes(10));
                passed &= result.passed();
                point = new Report.CatalogPoint(products, ready, seeded / 1000.0, stocked, GatlingReport.read(result
                        .reportDirectory()), Integer.parseInt(properties.get("mercato.bench.durationSeconds")));
                if (first && !demoStock) {
                    report.memory(products, "the search run (not stocked, no mixed run)", platform.memory());
                } else if (first) {
                    Map<String, String> shop = new LinkedHashMap<>(settings);
                    shop.put("mercato.bench.baseUrl", platform.baseUrl());
                    shop.put("mercato.bench.adminEmail", email);
                    shop.put("mercato.bench.adminPassword", password);
                    shop.putIfAbsent("mercato.bench.usersPerSecond", "10");
                    shop.putIfAbsent("mercato.bench.durationSeconds", "60");
                    GatlingRun.Result mixed = gatling.run("org.mercato.benchmarks.gatling.ShopSimulation", shop,
                            Duration.ofMinutes(15));
                    passed &= mixed.passed();
                    report.run("shop (for memory)", GatlingReport.read(mixed.reportDirectory()), -1);
                    report.memory(products, "the mixed run", platform.memory());
                }
            }
            if (first) {
                try (OwnPlatform again = OwnPlatform.start(launcher, data, products, demoStock, email, password)) {
                    report.restart(products, again.awaitReady(OwnPlatform.readyLimit(products).plusSeconds(30)));
                }
                first = false;
            }
            report.catalogPoint(point);
        }
        return passed;
    }
}
