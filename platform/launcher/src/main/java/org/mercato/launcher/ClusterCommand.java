package org.mercato.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./mercato cluster up|down|status}: cluster mode ({@link ClusterPlatform}) run by a supervisor process in
 * the background, so that the shell is free and {@code down} can stop it later.
 * <ul>
 * <li>{@code up}: starts the supervisor (unless one runs), follows its progress and returns once the cluster is
 * ready (exit 0) or failed (1, with the log's last lines);</li>
 * <li>{@code status}: every process with its PID, health and URL (exit 0 when all are up, 1 when some are not, 3
 * when the cluster is not running);</li>
 * <li>{@code down}: asks the supervisor to stop everything and waits; then ends, by the PIDs it recorded, anything
 * still running (a supervisor killed with -9 leaves PostgreSQL behind);</li>
 * <li>{@code supervise}: the supervisor itself (what {@code up} starts).</li>
 * </ul>
 * Settings (environment): MERCATO_DATA_DIR (its {@code cluster/} folder holds everything), MERCATO_HTTP_PORT (the
 * gateway, 8080), MERCATO_GATEWAY_INTERNAL_PORT (free), MERCATO_DB_PORT, MERCATO_BROKER_PORT (free),
 * MERCATO_CLUSTER_REPLICAS (catalog=2,cart=2), MERCATO_CLUSTER_JVM_OPTIONS (-XX:TieredStopAtLevel=1),
 * MERCATO_GATEWAY_RATE_PER_ADDRESS|SIGNIN|REGISTER|CHECKOUT
 * (100r/s, 20r/m, 10r/m, 30r/m), MERCATO_GATEWAY_BURST_PER_ADDRESS|SIGNIN|REGISTER|CHECKOUT (200, 5, 3, 5), MERCATO_ADMIN_EMAIL/PASSWORD, and MERCATO_CATALOG_* passed to the catalog.
 */
public final class ClusterCommand {

    private static final PrintStream OUT = System.out;
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(15);

    private ClusterCommand() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        Map<String, String> env = System.getenv();
        Path directory = Settings.fromEnvironment(Launcher.home(), env).dataDir().resolve("cluster");
        int exit = switch (command) {
            case "up" -> up(directory, env);
            case "down" -> down(directory);
            case "status" -> status(directory);
            case "supervise" -> supervise(directory, env);
            default -> {
                System.err.println("usage: ./mercato cluster up|down|status");
                yield 2;
            }
        };
        System.exit(exit);
    }

    /** Starts the supervisor in the background and follows its log until the cluster is ready or failed. */
    static int up(Path directory, Map<String, String> env) throws Exception {
        Optional<ClusterState> existing = ClusterState.read(directory);
        if (existing.isPresent() && isAlive(existing.get().supervisorPid())) {
            OUT.println("Mercato's cluster runs already (supervisor pid " + existing.get().supervisorPid() + "):");
            return status(directory);
        }
        Files.createDirectories(directory.resolve("logs"));
        Files.deleteIfExists(directory.resolve(ClusterState.FILE));
        Path log = directory.resolve("logs/cluster.log");
        Files.deleteIfExists(log);
        Files.createFile(log);
        Map<String, String> childEnv = new HashMap<>(env);
        String generatedPassword = null;
        if (env.getOrDefault("MERCATO_ADMIN_PASSWORD", "").isBlank()) {
            // used only if no admin exists yet; shown once, when the users service reports it created the account
            generatedPassword = Launcher.generatePassword();
            childEnv.put("MERCATO_ADMIN_PASSWORD", generatedPassword);
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // its own session: the terminal's Ctrl-C or hang-up does not reach it
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", Launcher.home().resolve("mercato-launcher.jar").toString(), ClusterCommand.class.getName(),
                "supervise"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(childEnv);
        Process supervisor = builder.start();
        OUT.println("Starting Mercato in cluster mode (supervisor pid " + supervisor.pid() + "); data and logs in "
                + directory);
        String adminEmail = env.getOrDefault("MERCATO_ADMIN_EMAIL", "admin@mercato.local");
        long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
        try (RandomAccessFile follow = new RandomAccessFile(log.toFile(), "r")) {
            while (true) {
                String line;
                while ((line = follow.readLine()) != null) {
                    String text = new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                    if (text.contains("first admin account created") && generatedPassword != null) {
                        OUT.println(text);
                        OUT.println(">>> admin " + adminEmail + " has the generated password " + generatedPassword
                                + " (shown only this once; change it after signing in)");
                    } else if (text.startsWith("[") || text.startsWith(">>>") || text.startsWith("!!!")
                            || text.startsWith("    ") || text.startsWith("Mercato")) {
                        OUT.println(text);
                    }
                }
                Optional<ClusterState> state = ClusterState.read(directory);
                String phase = state.map(ClusterState::phase).orElse("");
                if (phase.equals("ready")) {
                    OUT.println();
                    OUT.println("Mercato's cluster is " + state.get().get("message") + ".");
                    OUT.println("  Storefront     " + state.get().get("gateway.url"));
                    OUT.println("  Admin console  " + state.get().get("gateway.url") + "admin/");
                    OUT.println("  Status         ./mercato cluster status      Stop  ./mercato cluster down");
                    OUT.println("  Logs           " + directory.resolve("logs"));
                    return 0;
                }
                if (phase.equals("failed") || (!supervisor.isAlive() && !phase.equals("ready"))) {
                    supervisor.waitFor(60, TimeUnit.SECONDS);
                    System.err.println("Mercato's cluster failed to start: " + state.map(s -> s.get("message"))
                            .orElse("the supervisor exited") + "\nsee " + log);
                    return 1;
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("Mercato's cluster is not ready after " + UP_TIMEOUT.toMinutes()
                            + " min; stopping it. See " + log);
                    down(directory);
                    return 1;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Runs the cluster in this process until SIGTERM (from {@code down}), then stops it all. */
    static int supervise(Path directory, Map<String, String> env) throws Exception {
        Path home = Launcher.home();
        Settings base = Settings.fromEnvironment(home, env);
        Settings settings = new Settings(home, directory, base.httpPort(), base.databasePort(), base.brokerPort(),
                base.adminEmail(), base.adminPassword(), base.payaraHeap(), base.services(), Map.of());
        Map<String, String> passedOn = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("MERCATO_CATALOG_") || name.startsWith("MERCATO_RATELIMIT_")
                    || name.equals("MERCATO_FULFILLMENT_AUTO_DISPATCH_SECONDS")) {
                passedOn.put(name, value);
            }
        });
        Map<String, String> rates = gatewayLimits(env);
        Optional<Integer> internalPort = Optional.ofNullable(env.get("MERCATO_GATEWAY_INTERNAL_PORT"))
                .filter(p -> !p.isBlank()).map(Integer::parseInt);
        // thirteen JVMs start on a small machine: C1 alone compiles far less while they start (and stays well
        // within what a loopback cluster is for); MERCATO_CLUSTER_JVM_OPTIONS replaces it
        List<String> jvmOptions = List.of(env.getOrDefault("MERCATO_CLUSTER_JVM_OPTIONS", "-XX:TieredStopAtLevel=1")
                .strip().split("\\s+")).stream().filter(option -> !option.isBlank()).toList();
        Map<String, Integer> replicas = ClusterPlatform.parseReplicas(
                env.getOrDefault("MERCATO_CLUSTER_REPLICAS", "catalog=2,cart=2"), settings.services());
        OUT.println("Mercato cluster mode: " + replicas + " (others 1 each), gateway on port " + settings.httpPort());
        CountDownLatch stopped = new CountDownLatch(1);
        ClusterPlatform cluster;
        try {
            cluster = ClusterPlatform.start(settings, replicas, internalPort, rates, jvmOptions, passedOn,
                    distribution(home.resolve("opensearch"), "opensearch-"),
                    distribution(home.resolve("artemis"), "apache-artemis-"), line -> {
                        OUT.println(line);
                        OUT.flush();
                    }, created -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        // also while starting: a SIGTERM then stops what has started so far
                        OUT.println("Mercato's cluster is stopping...");
                        created.close();
                        OUT.println("Mercato's cluster stopped.");
                        OUT.flush();
                        stopped.countDown();
                    }, "mercato-cluster-shutdown")));
        } catch (Exception e) {
            OUT.println("!!! failed: " + e.getMessage());
            e.printStackTrace(OUT);
            return 1;
        }
        cluster.supervise();
        stopped.await();
        return 0;
    }

    /** The one folder in {@code parent} whose name starts with {@code prefix} (the build unpacks it there). */
    static Path distribution(Path parent, String prefix) throws IOException {
        if (!Files.isDirectory(parent)) {
            throw new IllegalStateException(parent + " not found: run ./mvnw install first");
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith(prefix))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + prefix + "* in " + parent));
        }
    }

    /** Prints every process with its PID, whether it runs, its health and URL. */
    static int status(Path directory) throws IOException {
        Optional<ClusterState> read = ClusterState.read(directory);
        if (read.isEmpty() || !isAlive(read.get().supervisorPid())) {
            OUT.println("Mercato's cluster is not running" + read.map(s -> " (last: " + s.phase() + ")").orElse(""));
            return 3;
        }
        ClusterState state = read.get();
        OUT.println("Mercato cluster: " + state.phase() + " (" + state.get("message") + "), supervisor pid "
                + state.supervisorPid() + ", gateway " + state.get("gateway.url"));
        OUT.printf("%-18s %-16s %8s  %-7s %-6s %4s %4s  %s%n", "NAME", "KIND", "PID", "PROCESS", "HEALTH", "GRID",
                "RST", "URL");
        boolean allUp = state.phase().equals("ready");
        for (ClusterState.Entry entry : state.processes()) {
            boolean alive = isAlive(entry.pid());
            boolean healthy = alive && healthy(entry.health());
            allUp &= healthy;
            OUT.printf("%-18s %-16s %8d  %-7s %-6s %4s %4d  %s%n", entry.name(), entry.kind(), entry.pid(),
                    alive ? "running" : "gone", healthy ? "UP" : "DOWN", entry.grid() > 0 ? entry.grid() : "-",
                    entry.restarts(), entry.url());
        }
        return allUp ? 0 : 1;
    }

    /** Stops the supervisor (which stops everything), then ends whatever it recorded that still runs. */
    static int down(Path directory) throws IOException, InterruptedException {
        Optional<ClusterState> read = ClusterState.read(directory);
        if (read.isEmpty()) {
            OUT.println("Mercato's cluster is not running (nothing recorded in " + directory + ")");
            return 0;
        }
        ClusterState state = read.get();
        long supervisor = state.supervisorPid();
        Optional<ProcessHandle> handle = ProcessHandle.of(supervisor);
        if (handle.isPresent() && handle.get().isAlive()) {
            OUT.println("Stopping Mercato's cluster (supervisor pid " + supervisor + ")...");
            handle.get().destroy();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (handle.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            if (handle.get().isAlive()) {
                OUT.println("The supervisor did not stop in 3 minutes; ending it");
                handle.get().destroyForcibly();
            }
        }
        int ended = 0;
        for (ClusterState.Entry entry : ClusterState.read(directory).orElse(state).processes()) {
            if (entry.pid() <= 0 || entry.pid() == supervisor || entry.kind().equals("smtp")) {
                continue;
            }
            Optional<ProcessHandle> left = ProcessHandle.of(entry.pid());
            if (left.isPresent() && left.get().isAlive() && isOurs(left.get(), entry)) {
                OUT.println("Ending " + entry.name() + " (pid " + entry.pid() + "), left running");
                left.get().descendants().forEach(ProcessHandle::destroy);
                left.get().destroy();
                if (!left.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).thenApply(p -> true)
                        .join()) {
                    left.get().destroyForcibly();
                }
                ended++;
            }
        }
        OUT.println("Mercato's cluster is stopped" + (ended > 0 ? " (" + ended + " process(es) ended by PID)" : "")
                + ".");
        return 0;
    }

    /** A recorded PID may have been reused by now: only a process that looks like what was recorded is ended. */
    /**
     * The gateway's rate limits from {@code MERCATO_GATEWAY_RATE_<zone>} (an NGINX rate) and
     * {@code MERCATO_GATEWAY_BURST_<zone>} (requests let through at once beyond it), with the defaults of a shop.
     */
    static Map<String, String> gatewayLimits(Map<String, String> env) {
        Map<String, String> limits = new LinkedHashMap<>();
        String[][] defaults = {{"PER_ADDRESS", "100r/s", "200"}, {"SIGNIN", "20r/m", "5"}, {"REGISTER", "10r/m", "3"},
                {"CHECKOUT", "30r/m", "5"}};
        for (String[] zone : defaults) {
            limits.put("RATE_" + zone[0], env.getOrDefault("MERCATO_GATEWAY_RATE_" + zone[0], zone[1]));
            String burst = env.getOrDefault("MERCATO_GATEWAY_BURST_" + zone[0], zone[2]);
            if (!burst.matches("[0-9]{1,7}")) {
                throw new IllegalArgumentException("MERCATO_GATEWAY_BURST_" + zone[0]
                        + " must be a whole number of requests, not " + burst);
            }
            limits.put("BURST_" + zone[0], burst);
        }
        return limits;
    }

    private static boolean isOurs(ProcessHandle process, ClusterState.Entry entry) {
        String command = process.info().commandLine().orElse(process.info().command().orElse(""));
        return switch (entry.kind()) {
            case "postgres" -> command.contains("postgres");
            case "nginx" -> command.contains("nginx");
            default -> command.contains("java") || command.contains("setpriv") || command.contains("artemis")
                    || command.contains("opensearch");
        };
    }

    static boolean isAlive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** tcp:port connects, an HTTP URL answers 200, or "running" (the process runs, checked before). */
    static boolean healthy(String health) {
        if (health.equals("running")) {
            return true;
        }
        if (health.startsWith("tcp:")) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(health.substring(4))), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return !health.isBlank() && httpStatus(health) == 200;
    }

    /** The status of a GET (5 s at most), -1 when nothing answered. */
    static int httpStatus(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            try (BufferedReader drain = new BufferedReader(new InputStreamReader(
                    status < 400 ? connection.getInputStream() : connection.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                while (drain.readLine() != null) {
                    // read to the end so the connection can be reused
                }
            } catch (IOException | NullPointerException ignored) {
                // no body
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }
}
