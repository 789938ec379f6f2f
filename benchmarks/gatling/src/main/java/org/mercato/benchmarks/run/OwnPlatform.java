package org.mercato.benchmarks.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An embedded platform the bench run starts itself ({@code java -jar mercato-launcher.jar}) on a data folder and a
 * free loopback port of its own, to time its start and its demo catalog, and stops by its PID (the launcher stops
 * Payara, PostgreSQL and Artemis on the way out).
 */
public final class OwnPlatform implements AutoCloseable {

    private static final Pattern DEMO_READY = Pattern.compile(
            "Demo catalog ready: (\\d+) products seeded and (\\d+) indexed in (\\d+) ms");

    private final Process launcher;
    private final Path dataDir;
    private final int port;
    private final long startedNanos;

    private OwnPlatform(Process launcher, Path dataDir, int port, long startedNanos) {
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts the launcher with {@code products} demo products (no demo pictures: they would compete with the
     * measurement) and the rate limits off for this machine's address.
     */
    public static OwnPlatform start(Path launcherJar, Path dataDir, int products, String adminEmail,
            String adminPassword) throws IOException {
        return start(launcherJar, dataDir, products, true, adminEmail, adminPassword);
    }

    /**
     * As {@link #start(Path, Path, int, String, String)}; {@code demoStock} false leaves the demo catalog unstocked
     * (inventory does not stock it as it is announced): for a catalog only searched, whose stocking would take hours.
     */
    public static OwnPlatform start(Path launcherJar, Path dataDir, int products, boolean demoStock,
            String adminEmail, String adminPassword) throws IOException {
        Files.createDirectories(dataDir);
        int port = Baselines.freePort();
        // the launcher's JVM options as ./mercato up gives them (MERCATO_LAUNCHER_JAVA_OPTIONS, default -Xmx512m)
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        command.addAll(List.of(System.getenv().getOrDefault("MERCATO_LAUNCHER_JAVA_OPTIONS", "-Xmx512m").strip()
                .split("\\s+")));
        command.addAll(List.of("-jar", launcherJar.toAbsolutePath().toString()));
        command.removeIf(String::isEmpty);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dataDir
                .resolve("launcher.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("MERCATO_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("MERCATO_HTTP_PORT", String.valueOf(port));
        env.put("MERCATO_CATALOG_DEMO_PRODUCTS", String.valueOf(products));
        env.put("MERCATO_CATALOG_DEMO_PICTURES", "0");
        env.put("MERCATO_INVENTORY_DEMO_STOCK", String.valueOf(demoStock));
        // ready means seeded and indexed (the catalog's readiness): give large catalogs the time they need
        env.put("MERCATO_READY_TIMEOUT_SECONDS", String.valueOf(readyLimit(products).toSeconds()));
        env.put("MERCATO_RATELIMIT_EXEMPT_ADDRESSES", "127.0.0.1");
        env.put("MERCATO_RATELIMIT_ORDERS_PER_CUSTOMER", "off");
        env.put("MERCATO_ADMIN_EMAIL", adminEmail);
        env.put("MERCATO_ADMIN_PASSWORD", adminPassword);
        long started = System.nanoTime();
        Process launcher = builder.start();
        // a bench run stopped early (Ctrl-C) stops its platform too; the launcher stops Payara and PostgreSQL
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (launcher.isAlive()) {
                launcher.destroy();
            }
        }, "mercato-bench-stop-platform"));
        return new OwnPlatform(launcher, dataDir, port, started);
    }

    /**
     * How long the launcher waits for a platform with {@code products} demo products to be ready (seeded and
     * indexed): 10 minutes and one more second per 400 products (1,000,000 were ready after 614 s here, 100,000
     * after 111 s). {@link #awaitReady} waits 30 s longer, so that the launcher's own message comes first.
     */
    public static Duration readyLimit(int products) {
        return Duration.ofSeconds(600 + products / 400);
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Seconds since {@link #start}. */
    public double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /**
     * Waits until the launcher says the platform is ready ("Mercato is ready after"): every service deployed and
     * its readiness checks up. {@code /health/ready} alone is not enough: it answers 200 while Payara is still
     * deploying, before any service has registered a check. Seconds since start.
     */
    public double awaitReady(Duration limit) throws IOException, InterruptedException {
        Path log = dataDir.resolve("launcher.log");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(
                    "Mercato is ready after")) {
                return secondsSinceStart();
            }
            if (!launcher.isAlive()) {
                throw new IOException("the platform stopped (exit " + launcher.exitValue() + "), see " + log);
            }
            Thread.sleep(500);
        }
        throw new IOException("the platform was not ready within " + limit.toSeconds() + " s, see " + log);
    }

    /**
     * The demo catalog's seeding and indexing time in milliseconds, as the catalog logged it ("Demo catalog ready:
     * ... in N ms"), if it did.
     */
    public OptionalLong seededAndIndexedMillis() throws IOException {
        Path log = dataDir.resolve("logs/payara.log");
        if (!Files.exists(log)) {
            return OptionalLong.empty();
        }
        Matcher matcher = DEMO_READY.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        OptionalLong millis = OptionalLong.empty();
        while (matcher.find()) {
            millis = OptionalLong.of(Long.parseLong(matcher.group(3)));
        }
        return millis;
    }

    /** The platform's PostgreSQL port (from its postmaster.pid), for pgbench and the stocking check. */
    public int databasePort() throws IOException {
        return databasePort(dataDir);
    }

    /** The PostgreSQL port of a platform's data folder (line 4 of postmaster.pid). */
    public static int databasePort(Path dataDir) throws IOException {
        return Integer.parseInt(postmasterPidFile(dataDir).get(3).strip());
    }

    /** The lines of a platform's {@code postgres/postmaster.pid}: the server's PID first, its port fourth. */
    private static List<String> postmasterPidFile(Path dataDir) throws IOException {
        return Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"), StandardCharsets.UTF_8);
    }

    /**
     * Waits until inventory holds a stock level for every variant of the catalog (the demo stock arrives through
     * the catalog's events) and the catalog's in-stock flags agree with it (inventory's news arrive through its
     * events in turn); seconds since start. Prints when inventory was done.
     */
    public double awaitStocked(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Psql database = new Psql(databasePort());
        long variants = database.number("catalog", "select count(*) from variant");
        long stocked = 0;
        while (stocked < variants) {
            if (System.nanoTime() > deadline) {
                throw new IOException("stocked " + stocked + " of " + variants + " SKUs within " + limit.toSeconds()
                        + " s");
            }
            Thread.sleep(1000);
            stocked = database.number("inventory", "select count(*) from stock_level");
        }
        System.out.printf(Locale.ROOT, "[mercato-bench] inventory stocked all %d SKUs after %.1f s%n", variants,
                secondsSinceStart());
        long available = database.number("inventory", "select count(*) from (select sku from stock_level group by sku"
                + " having sum(on_hand - reserved) > 0) s");
        long known = 0;
        while (known != available) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the catalog knew " + known + " of " + available + " SKUs in stock within "
                        + limit.toSeconds() + " s");
            }
            Thread.sleep(1000);
            known = database.number("catalog", "select count(*) from variant where in_stock");
        }
        return secondsSinceStart();
    }

    /**
     * The memory the platform holds now: the launcher and every process under it (Payara; Artemis and the mail
     * catcher run in the launcher's JVM) and PostgreSQL's server with its processes, as proportional set sizes from
     * /proc.
     */
    public PlatformMemory memory() throws IOException {
        // PostgreSQL's server detaches from the launcher (pg_ctl): found by the PID its data folder names
        long postmaster = Long.parseLong(postmasterPidFile(dataDir).get(0).strip());
        return PlatformMemory.of(launcher.toHandle(), ProcessHandle.of(postmaster));
    }

    /** Stops the platform (SIGTERM to the launcher, which stops the rest) and waits up to 90 s. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            // anything the launcher did not stop (it stops Payara and PostgreSQL itself)
            if (child.isAlive()) {
                child.destroy();
            }
        }
    }
}
