package org.mercato.benchmarks.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.HdrHistogram.Recorder;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * What the platform's figures are read against, measured in the same run on the same machine: NGINX (Debian's)
 * and Payara Micro serving the same static file (the storefront's asset nearest 5 KB) with the same load tool and
 * concurrency, {@code pgbench} on the platform's own PostgreSQL (select-only and TPC-B-like), and a Hazelcast
 * {@code IMap} (the version Payara embeds) read and written from inside one JVM.
 *
 * @param gatling runs the static-file loads
 * @param work a folder for NGINX's files
 * @param seconds length of each measurement, in seconds
 * @param concurrency clients (connections, pgbench clients, threads) of each measurement
 */
public record Baselines(GatlingRun gatling, Path work, int seconds, int concurrency) {

    /**
     * One baseline's result; absent figures are 0.
     *
     * @param name what was measured
     * @param perSecond requests, transactions or operations per second
     * @param p50Millis median latency in milliseconds
     * @param p99Millis 99th percentile latency in milliseconds; NaN when the tool gives none (pgbench)
     * @param note how it was measured, or why it was not
     */
    public record Figure(String name, double perSecond, double p50Millis, double p99Millis, String note) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    /** The storefront asset nearest 5 KB in the storefront WAR ({@code /assets/...}), copied under {@code work}. */
    public static StaticFile staticFile(Path storefrontWar, Path work) throws IOException {
        try (ZipFile war = new ZipFile(storefrontWar.toFile())) {
            ZipEntry chosen = war.stream().filter(e -> e.getName().startsWith("assets/") && !e.isDirectory()).min(
                    Comparator.comparingLong(e -> Math.abs(e.getSize() - 5_000))).orElseThrow(
                            () -> new IOException(
                                    "no assets in " + storefrontWar));
            Path copy = work.resolve("www").resolve(chosen.getName());
            Files.createDirectories(copy.getParent());
            try (InputStream in = war.getInputStream(chosen)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return new StaticFile("/" + chosen.getName(), chosen.getSize());
        }
    }

    /** A static file both servers serve: its URL path and size in bytes. */
    public record StaticFile(String path, long bytes) {
    }

    /** The static file from Payara (the platform at {@code baseUrl}). */
    public Figure payaraStatic(String baseUrl, StaticFile file) throws IOException, InterruptedException {
        return staticLoad("Payara Micro, static file (" + file.bytes() + " B)", baseUrl, file);
    }

    /** The static file from Debian's NGINX, started here on a free loopback port and stopped after. */
    public Figure nginxStatic(StaticFile file) throws IOException, InterruptedException {
        Optional<Path> nginx = java.util.stream.Stream.of("/usr/sbin/nginx", "/usr/bin/nginx").map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
        String name = "NGINX, static file (" + file.bytes() + " B)";
        if (nginx.isEmpty()) {
            return new Figure(name, 0, 0, 0, "not measured: nginx is not installed (apt-get install nginx-light)");
        }
        int port = freePort();
        Path conf = work.resolve("nginx.conf");
        Files.createDirectories(work.resolve("logs"));
        Files.writeString(conf, """
                worker_processes auto;
                daemon off;%3$s
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/client_body;
                  server {
                    listen 127.0.0.1:%2$d;
                    root %1$s/www;
                  }
                }
                """.formatted(work.toAbsolutePath(), port,
                // as root, NGINX's workers would be nobody, who may not read files under a folder only root may enter
                "root".equals(System.getProperty("user.name")) ? "\nuser root;" : ""), StandardCharsets.UTF_8);
        Process server = new ProcessBuilder(nginx.get().toString(), "-p", work.toAbsolutePath().toString(), "-c", conf
                .toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(work.resolve("logs/nginx.out")
                        .toFile())
                .start();
        try {
            awaitPort(port, server);
            return staticLoad(name, "http://127.0.0.1:" + port, file);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private Figure staticLoad(String name, String baseUrl, StaticFile file) throws IOException, InterruptedException {
        GatlingRun.Result result = gatling.run("org.mercato.benchmarks.gatling.TargetsSimulation", Map.of(
                "mercato.bench.baseUrl", baseUrl, "mercato.bench.requests", "static", "mercato.bench.staticPath", file
                        .path(),
                "mercato.bench.durationSeconds", String.valueOf(seconds), "mercato.bench.concurrency",
                String.valueOf(concurrency)), Duration.ofSeconds(seconds + 120L));
        GatlingReport.Stats all = GatlingReport.read(result.reportDirectory()).all();
        return new Figure(name, all.perSecond(), all.p50(), all.p99(), "Gatling, " + concurrency
                + " clients without pauses, " + seconds + " s; " + all.ko() + " failed");
    }

    /**
     * pgbench (the client's own, {@code /usr/bin/pgbench}) on the platform's PostgreSQL as its superuser, in a database of its own made and dropped here: scale 10, select-only and TPC-B-like.
     */
    public List<Figure> pgbench(Psql database) throws IOException, InterruptedException {
        String select = "pgbench, select-only";
        String tpcb = "pgbench, TPC-B-like (5 statements, 1 commit)";
        if (!Files.isExecutable(Path.of("/usr/bin/pgbench")) || !Psql.installed()) {
            String why = "not measured: pgbench and psql are not installed (apt-get install postgresql-client)";
            return List.of(new Figure(select, 0, 0, 0, why), new Figure(tpcb, 0, 0, 0, why));
        }
        String db = "mercato_pgbench";
        database.run("postgres", "drop database if exists " + db);
        database.run("postgres", "create database " + db);
        try {
            System.out.println("[mercato-bench] pgbench: initialising scale 10 (1,000,000 accounts)");
            command(concat(List.of("/usr/bin/pgbench", "-i", "-q", "-s", "10"), database.connection(), List.of(db)));
            List<Figure> figures = new ArrayList<>();
            for (boolean selectOnly : new boolean[]{true, false}) {
                List<String> run = new ArrayList<>(List.of("/usr/bin/pgbench", "-c", String.valueOf(concurrency), "-j",
                        "2", "-T", String.valueOf(seconds), "-P", String.valueOf(Math.max(1, seconds / 2))));
                if (selectOnly) {
                    run.add("-S");
                }
                String output = command(concat(run, database.connection(), List.of(db)));
                Matcher tps = TPS.matcher(output);
                Matcher latency = LATENCY.matcher(output);
                double mean = latency.find() ? Double.parseDouble(latency.group(1)) : 0;
                figures.add(new Figure(selectOnly ? select : tpcb, tps.find() ? Double.parseDouble(tps.group(1)) : 0,
                        mean, Double.NaN,
                        concurrency + " clients, " + seconds + " s, fsync and synchronous_commit on; the"
                                + " latency is pgbench's average (no percentiles)"));
            }
            return figures;
        } finally {
            database.run("postgres", "drop database if exists " + db);
        }
    }

    /**
     * A Hazelcast {@code IMap} (the version Payara embeds) in a one-member cluster in this JVM, on loopback, no
     * discovery: {@code concurrency} threads reading (then writing) 1 KB values of 10,000 keys.
     */
    public List<Figure> hazelcast() throws InterruptedException {
        Logger.getLogger("com.hazelcast").setLevel(Level.WARNING);
        Config config = new Config().setClusterName("mercato-bench-" + ProcessHandle.current().pid());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getNetworkConfig().setPort(freePort()).setPortAutoIncrement(true).getInterfaces().setEnabled(true)
                .addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        try {
            IMap<Integer, byte[]> map = member.getMap("bench");
            byte[] value = new byte[1024];
            for (int key = 0; key < 10_000; key++) {
                map.put(key, value);
            }
            // a short warm-up of both operations, not measured
            measure(map, value, false, 2);
            measure(map, value, true, 2);
            return List.of(figure("Hazelcast IMap get (1 KB values)", measure(map, value, false, seconds)),
                    figure("Hazelcast IMap put (1 KB values)", measure(map, value, true, seconds)));
        } finally {
            member.shutdown();
        }
    }

    private Figure figure(String name, Measured measured) {
        return new Figure(name, measured.perSecond(), measured.p50Millis(), measured.p99Millis(), concurrency
                + " threads in the member's own JVM, " + seconds + " s");
    }

    private record Measured(double perSecond, double p50Millis, double p99Millis) {
    }

    private Measured measure(IMap<Integer, byte[]> map, byte[] value, boolean write, int forSeconds)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            threads.add(startThread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    int key = random.nextInt(10_000);
                    long started = System.nanoTime();
                    if (write) {
                        map.set(key, value);
                    } else {
                        map.get(key);
                    }
                    recorder.recordValue(System.nanoTime() - started);
                }
            }));
        }
        long started = System.nanoTime();
        Thread.sleep(forSeconds * 1000L);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        org.HdrHistogram.Histogram histogram = recorder.getIntervalHistogram();
        return new Measured(histogram.getTotalCount() / elapsed, histogram.getValueAtPercentile(50) / 1e6, histogram
                .getValueAtPercentile(99) / 1e6);
    }

    private static Thread startThread(Runnable task) {
        Thread thread = new Thread(task, "mercato-bench-hazelcast");
        thread.start();
        return thread;
    }

    /** Runs a command, returns its output (stdout and stderr); throws when it fails. */
    static String command(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitPort(int port, Process server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("nginx stopped at start (exit " + server.exitValue() + ")");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("nginx did not listen on 127.0.0.1:" + port + " within 10 s");
    }
}
