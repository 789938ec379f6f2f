package org.mercato.benchmarks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One bench run's report: {@code report.md} (machine, baselines, results with their ratio to the baselines, the
 * curves), {@code results.jsonl} (one JSON object per figure, for comparing runs) and PNG plots, in one folder.
 */
final class Report {

    /**
     * One catalog size of the catalog curve; times in seconds since the platform's start.
     *
     * @param seededSeconds seeding and indexing, as the catalog logged it (-1: not logged)
     * @param stockedSeconds until stocked and the catalog in step (NaN: not stocked, demo stock off)
     */
    record CatalogPoint(int products, double readySeconds, double seededSeconds, double stockedSeconds,
            GatlingReport search, int seconds) {

        boolean stocked() {
            return !Double.isNaN(stockedSeconds);
        }
    }

    /** A run; {@code phaseSeconds} above 0: each request kind ran alone that long, so its rate is count / that. */
    private record Run(String name, GatlingReport report, long commits, int phaseSeconds) {

        double perSecond(GatlingReport.Stats stats) {
            return phaseSeconds > 0 && !stats.name().equals("All Requests")
                    ? (double) stats.total() / phaseSeconds
                    : stats.perSecond();
        }
    }

    private final Path out;
    private final String title;
    private final List<Baselines.Figure> baselines = new ArrayList<>();
    private final List<Run> runs = new ArrayList<>();
    private final Map<Integer, GatlingReport> orders = new LinkedHashMap<>();
    private final List<CatalogPoint> catalog = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> json = new ArrayList<>();
    private final String machine;
    private final Psql database;

    /**
     * @param database the platform's PostgreSQL, for the commit counts of runs that place orders; null when it is
     *        not known (then no commit counts)
     */
    Report(Path out, String title, Psql database) {
        this.out = out;
        this.title = title;
        this.machine = machine();
        this.database = database;
    }

    void baseline(Baselines.Figure figure) {
        baselines.add(figure);
        boolean p99 = !Double.isNaN(figure.p99Millis());
        System.out.printf(Locale.ROOT, "[mercato-bench] baseline %s: %.0f/s, p50 %.2f ms, p99 %s (%s)%n", figure
                .name(), figure.perSecond(), figure.p50Millis(),
                p99
                        ? String.format(Locale.ROOT, "%.2f ms", figure
                                .p99Millis())
                        : "not given",
                figure.note());
        // a percentile the tool does not give is null, never 0
        json.add(String.format(Locale.ROOT,
                "{\"kind\":\"baseline\",\"name\":%s,\"perSecond\":%.2f,\"p50Millis\":%.3f,\"p99Millis\":%s}",
                quote(figure.name()), figure.perSecond(), figure.p50Millis(), p99
                        ? String.format(Locale.ROOT, "%.3f",
                                figure.p99Millis())
                        : "null"));
    }

    /**
     * PostgreSQL transactions committed so far in every database of the platform (pg_stat_database), or -1 when
     * the platform's PostgreSQL is not known; the difference over a run is what the run cost the database.
     */
    long commits() {
        if (database == null) {
            return -1;
        }
        try {
            return database.number("postgres", "select sum(xact_commit) from pg_stat_database where datname not in"
                    + " ('postgres', 'mercato_pgbench', 'template0', 'template1')");
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void run(String name, GatlingReport report, long commitsBefore) {
        run(name, report, commitsBefore, 0);
    }

    /**
     * A run whose request kinds each ran alone for {@code phaseSeconds} (TargetsSimulation): their rate is their
     * count over that time, not over the whole run as Gatling counts it.
     */
    void run(String name, GatlingReport report, long commitsBefore, int phaseSeconds) {
        long after = commitsBefore < 0 ? -1 : commits();
        Run run = new Run(name, report, after < 0 ? -1 : after - commitsBefore, phaseSeconds);
        runs.add(run);
        for (GatlingReport.Stats stats : report.requests()) {
            json.add(String.format(Locale.ROOT, "{\"kind\":\"request\",\"run\":%s,\"name\":%s,\"total\":%d,\"ko\":%d,"
                    + "\"perSecond\":%.2f,\"p50\":%d,\"p95\":%d,\"p99\":%d,\"max\":%d}", quote(name),
                    quote(stats
                            .name()),
                    stats.total(), stats.ko(), run.perSecond(stats), stats.p50(), stats.p95(), stats
                            .p99(),
                    stats.max()));
        }
    }

    void orderPoint(int shoppers, GatlingReport report, int seconds, long commitsBefore) {
        orders.put(shoppers, report);
        long after = commitsBefore < 0 ? -1 : commits();
        report.request("place order").filter(s -> after >= 0 && s.ok() > 0).ifPresent(s -> orderCommits.put(
                shoppers, (double) (after - commitsBefore) / s.ok()));
        orderSeconds = seconds;
        report.request("place order").ifPresent(s -> json.add(String.format(Locale.ROOT,
                "{\"kind\":\"orders\",\"shoppers\":%d,\"perSecond\":%.2f,\"p50\":%d,\"p99\":%d,\"ko\":%d}",
                shoppers, (double) s.total() / seconds, s.p50(), s.p99(), s.ko())));
    }

    private int orderSeconds = 1;
    /** Shoppers to PostgreSQL commits (all services) per order placed, sign-ups and carts included. */
    private final Map<Integer, Double> orderCommits = new LinkedHashMap<>();

    void catalogPoint(CatalogPoint point) {
        catalog.add(point);
        GatlingReport.Stats search = point.search().request("search").orElse(point.search().all());
        json.add(String.format(Locale.ROOT, "{\"kind\":\"catalog\",\"products\":%d,\"readySeconds\":%.1f,"
                + "\"seededSeconds\":%.1f,\"stockedSeconds\":%.1f,\"searchPerSecond\":%.2f,\"searchP50\":%d,"
                + "\"searchP99\":%d}", point.products(), point.readySeconds(), point.seededSeconds(),
                point.stocked() ? point.stockedSeconds() : -1,
                (double) search.total() / point.seconds(), search.p50(), search.p99()));
    }

    /**
     * The platform's memory after a run ({@code after}: "the mixed run", the search run of a catalog left unstocked),
     * against the target of at most 2 GB for the whole platform after the mixed run.
     */
    void memory(int products, String after, PlatformMemory memory) {
        notes.add(String.format(Locale.ROOT, "Memory of the whole platform after %s, %,d products: %s (proportional"
                + " set size; target: at most 2 GB after the mixed run)", after, products, memory.describe()));
        json.add(String.format(Locale.ROOT, "{\"kind\":\"memory\",\"products\":%d,\"after\":\"%s\",%s}", products,
                after, memory.jsonFields()));
    }

    void restart(int products, double seconds) {
        notes.add(String.format(Locale.ROOT, "A later start of the same data (%,d products): ready after **%.1f s**"
                + " (target: at most 30 s)", products, seconds));
        json.add(String.format(Locale.ROOT, "{\"kind\":\"restart\",\"products\":%d,\"readySeconds\":%.1f}", products,
                seconds));
    }

    void write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Mercato bench run: ").append(title).append("\n\n").append(machine).append("\n");
        if (!baselines.isEmpty()) {
            md.append(
                    "\n## Baselines (same run, same machine)\n\n| baseline | per second | p50 (ms) | p99 (ms) | how |\n"
                            + "|---|---|---|---|---|\n");
            for (Baselines.Figure b : baselines) {
                md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %s | %s |%n", b.name(), b.perSecond(), b
                        .p50Millis(),
                        b.p99Millis() == 0 || Double.isNaN(b.p99Millis())
                                ? "-"
                                : String.format(Locale.ROOT, "%.2f", b.p99Millis()),
                        b
                                .note()));
            }
        }
        double payara = baselineRate("Payara");
        double nginx = baselineRate("NGINX");
        double tpcb = baselineRate("pgbench, TPC-B");
        for (Run run : runs) {
            md.append("\n## ").append(run.name()).append("\n\nGatling report: `").append(run.report().directory())
                    .append("/index.html`\n\n");
            if (run.phaseSeconds() == 0) {
                // before the table: a line inside it would end it
                md.append("Shoppers arrive at a set rate here, so the rates follow the arrivals; the ratios to the"
                        + " baselines are given for the runs that measure each request at its ceiling (`targets`).\n\n");
            }
            md.append("| request | requests | failed | per second | p50 | p95 | p99 | max | % of Payara static |"
                    + " % of NGINX static |\n|---|---|---|---|---|---|---|---|---|---|\n");
            for (GatlingReport.Stats s : run.report().requests()) {
                double rate = run.perSecond(s);
                md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,.1f | %d | %d | %d | %d | %s | %s |%n", s
                        .name(), s.total(), s.ko(), rate, s.p50(), s.p95(), s.p99(), s.max(),
                        run.phaseSeconds() > 0 ? percent(rate, payara) : "-",
                        run.phaseSeconds() > 0 ? percent(rate, nginx) : "-"));
            }
            run.report().request("place order").ifPresent(orders -> {
                if (run.commits() > 0 && orders.ok() > 0) {
                    double perOrder = (double) run.commits() / orders.ok();
                    md.append(String.format(Locale.ROOT, "%nPostgreSQL commits during the run, all services: %,d,"
                            + " that is %.1f per order placed (every request of the run counted, not only the"
                            + " orders)", run.commits(), perOrder));
                    if (tpcb > 0) {
                        md.append(String.format(Locale.ROOT, "; with pgbench's TPC-B-like %,.0f transactions/s as"
                                + " the database's ceiling, the bound is about %,.0f orders/s", tpcb,
                                tpcb
                                        / perOrder));
                    }
                    md.append(".\n");
                }
            });
            plotRun(run);
        }
        if (!orders.isEmpty()) {
            md.append(
                    "\n## Place-order by concurrent shoppers\n\n| shoppers | orders/s | p50 (ms) | p99 (ms) | failed |\n"
                            + "|---|---|---|---|---|\n");
            Map<String, List<double[]>> throughput = new LinkedHashMap<>();
            Map<String, List<double[]>> latency = new LinkedHashMap<>();
            orders.forEach((shoppers, r) -> r.request("place order").ifPresent(s -> {
                double rate = (double) s.total() / orderSeconds;
                md.append(String.format(Locale.ROOT, "| %d | %.1f | %d | %d | %d |%n", shoppers, rate, s.p50(), s
                        .p99(), s.ko()));
                throughput.computeIfAbsent("orders/s", k -> new ArrayList<>()).add(new double[]{shoppers, rate});
                latency.computeIfAbsent("p50", k -> new ArrayList<>()).add(new double[]{shoppers, s.p50()});
                latency.computeIfAbsent("p99", k -> new ArrayList<>()).add(new double[]{shoppers, s.p99()});
            }));
            double tpcbRate = tpcb;
            orderCommits.forEach((shoppers, perOrder) -> md.append(String.format(Locale.ROOT,
                    "%nAt %d shoppers: %.1f PostgreSQL commits per order (all services, each shopper's sign-up and the"
                            + " carts included)%s.",
                    shoppers, perOrder, tpcbRate > 0
                            ? String.format(Locale.ROOT,
                                    "; pgbench's TPC-B-like %,.0f transactions/s would bound the shop at about %,.0f"
                                            + " orders/s",
                                    tpcbRate, tpcbRate / perOrder)
                            : "")));
            md.append('\n');
            Charts.lines(out.resolve("orders-throughput.png"), "Place-order throughput", "concurrent shoppers",
                    "orders per second", throughput, true);
            Charts.lines(out.resolve("orders-latency.png"), "Place-order latency", "concurrent shoppers",
                    "milliseconds", latency, true);
            md.append("\n![throughput](orders-throughput.png)\n![latency](orders-latency.png)\n");
        }
        if (!catalog.isEmpty()) {
            md.append("\n## By catalog size (a platform started on empty data for each)\n\n| products | ready after"
                    + " (s) | seeded and indexed (s) | stocked, catalog in step (s) | search/s | search p50 | search p99 |"
                    + " suggestions p50 | suggestions p99 |\n|---|---|---|---|---|---|---|---|---|\n");
            Map<String, List<double[]>> times = new LinkedHashMap<>();
            Map<String, List<double[]>> search = new LinkedHashMap<>();
            for (CatalogPoint p : catalog) {
                GatlingReport.Stats s = p.search().request("search").orElse(p.search().all());
                GatlingReport.Stats g = p.search().request("suggestions").orElse(p.search().all());
                md.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %s | %.1f | %d | %d | %d | %d |%n", p
                        .products(), p.readySeconds(), p.seededSeconds(),
                        p.stocked() ? String.format(Locale.ROOT, "%.1f", p.stockedSeconds()) : "not stocked",
                        (double) s.total() / p.seconds(), s.p50(),
                        s.p99(), g.p50(), g.p99()));
                times.computeIfAbsent("seeded and indexed", k -> new ArrayList<>()).add(new double[]{p.products(), p
                        .seededSeconds()});
                if (p.stocked()) {
                    times.computeIfAbsent("stocked (since start)", k -> new ArrayList<>()).add(new double[]{p
                            .products(), p.stockedSeconds()});
                }
                search.computeIfAbsent("search p50", k -> new ArrayList<>()).add(new double[]{p.products(), s.p50()});
                search.computeIfAbsent("search p99", k -> new ArrayList<>()).add(new double[]{p.products(), s.p99()});
            }
            Charts.lines(out.resolve("catalog-times.png"), catalog.stream().anyMatch(CatalogPoint::stocked)
                    ? "Seeding, indexing and stocking the demo catalog"
                    : "Seeding and indexing the demo catalog (not stocked)",
                    "products", "seconds", times, true);
            Charts.lines(out.resolve("catalog-search.png"), "Search latency by catalog size (8 clients)",
                    "products", "milliseconds", search, true);
            md.append("\n![times](catalog-times.png)\n![search](catalog-search.png)\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## Start and memory\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Files.writeString(out.resolve("report.md"), md, StandardCharsets.UTF_8);
        Files.write(out.resolve("results.jsonl"), json, StandardCharsets.UTF_8);
    }

    private void plotRun(Run run) throws IOException {
        String slug = run.name().replaceAll("[^a-z0-9]+", "-");
        Map<String, Double> perSecond = new LinkedHashMap<>();
        Map<String, Map<String, Double>> latency = new LinkedHashMap<>();
        for (GatlingReport.Stats s : run.report().requests()) {
            perSecond.put(s.name(), run.perSecond(s));
            latency.computeIfAbsent("p50", k -> new LinkedHashMap<>()).put(s.name(), (double) s.p50());
            latency.computeIfAbsent("p95", k -> new LinkedHashMap<>()).put(s.name(), (double) s.p95());
            latency.computeIfAbsent("p99", k -> new LinkedHashMap<>()).put(s.name(), (double) s.p99());
        }
        Map<String, Map<String, Double>> throughput = new LinkedHashMap<>();
        throughput.put("requests/s", perSecond);
        baselines.stream().filter(b -> b.name().contains("static")).forEach(b -> perSecond.put(b.name(), b
                .perSecond()));
        Charts.bars(out.resolve(slug + "-throughput.png"), run.name() + ": requests per second", "requests per second",
                throughput, true);
        Charts.bars(out.resolve(slug + "-latency.png"), run.name() + ": response time", "milliseconds", latency, true);
        Map<String, List<double[]>> overTime = new LinkedHashMap<>();
        long start = run.report().percentilesOverTime().values().stream().flatMap(List::stream).mapToLong(p -> p[0])
                .min().orElse(0);
        for (String series : List.of("50%", "95%", "99%")) {
            List<long[]> points = run.report().percentilesOverTime().get(series);
            if (points != null) {
                overTime.put("p" + series.replace("%", ""), points.stream().map(p -> new double[]{(p[0] - start)
                        / 1000.0, p[1]}).toList());
            }
        }
        if (!overTime.isEmpty()) {
            Charts.lines(out.resolve(slug + "-over-time.png"), run.name() + ": response time over the run",
                    "seconds", "milliseconds", overTime, false);
        }
    }

    /** The rate of the first baseline whose name starts with {@code name}, 0 when none was measured. */
    private double baselineRate(String name) {
        return baselines.stream().filter(b -> b.name().startsWith(name)).mapToDouble(Baselines.Figure::perSecond)
                .findFirst().orElse(0);
    }

    private static String percent(double value, double of) {
        return of <= 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * value / of);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String machine() {
        StringBuilder text = new StringBuilder("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(
                " CPUs");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    text.append(String.format(Locale.ROOT, ", %.1f GiB memory", Long.parseLong(line.replaceAll(
                            "[^0-9]", "")) / 1024.0 / 1024.0));
                }
            }
            text.append(", load average at the start ")
                    .append(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            // not Linux: the CPU count is enough
        }
        return text.append(", Java ").append(System.getProperty("java.version")).append(", ").append(
                java.time.OffsetDateTime.now().withNano(0)).append('.').toString();
    }
}
