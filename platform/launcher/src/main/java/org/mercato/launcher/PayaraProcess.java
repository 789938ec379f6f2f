package org.mercato.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Payara Micro with every WAR, as a child process that dies with the launcher (setpriv --pdeathsig). Its output
 * goes to logs/payara.log; lines an operator must see (MERCATO-NOTICE, SEVERE) are passed on.
 */
final class PayaraProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PayaraProcess.class.getName());
    private static final int TAIL_LINES = 60;

    private final Process process;
    private final Path logFile;
    private final int clusterPort;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> failedDeployments = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean bootFailed;
    /** Payara's record of why its start-up failed (NCLS-CORE-00019 and its lines up to "]]"), at most 40 lines. */
    private final List<String> startupError = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final int STARTUP_ERROR_LINES = 40;
    private volatile boolean anyDeployed;
    private volatile int gridSize;
    private static final java.util.regex.Pattern GRID_SIZE = java.util.regex.Pattern.compile("DG Size: (\\d+)");

    /** Payara itself did not boot (before deploying anything): worth one more try, unlike a failing WAR. */
    static final class BootFailure extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        BootFailure(String message) {
            super(message);
        }
    }

    private PayaraProcess(Process process, Path logFile, int clusterPort) {
        this.process = process;
        this.logFile = logFile;
        this.clusterPort = clusterPort;
    }

    /**
     * One Payara Micro instance: its name (also its root and log folder), HTTP port, the WARs it deploys, the
     * data-grid members it joins (empty for a grid of its own), its own data-grid port (0: a free one) and its
     * heap (null: the platform's, {@link Settings#payaraHeap()}) and JVM options added to the platform's.
     */
    record Instance(String name, int httpPort, List<Service> services, List<Integer> gridMembers, int clusterPort,
            String heap, List<String> jvmOptions) {

        /** An instance on a free cluster port, with the platform's heap. */
        Instance(String name, int httpPort, List<Service> services, List<Integer> gridMembers) {
            this(name, httpPort, services, gridMembers, 0, null, List.of());
        }
    }

    /**
     * asadmin commands run before Payara boots, from {@code docker/payara/preboot.asadmin} (the same file the
     * container images use): gzip for text answers of at least 1 KiB (pages, scripts, styles, JSON), which the
     * storefront's page weight budget and every JSON list need on a real network; a GET or DELETE with a body
     * ({@code {}} from clients that always send JSON) reaching the services, which accept an empty body or
     * {@code {}} and refuse any other with a problem (Grizzly's default is an empty 400); four threads for the
     * default scheduled executor (its default is one: every service's outbox relay, the e-mail loop and any slow
     * task would take turns on it); headers up to 64 KiB and 8,192 of them (Grizzly's 8 KiB and 100 answered an
     * empty 400 to requests the gateway lets through); no dynamic reload (by default Payara looks every 2 s for
     * applications to redeploy, resolving every deployment property on the way: a fifth of the CPU samples of a
     * profile while a large demo catalog was stocked; Micro deploys its applications once, at start).
     */
    static final String PRE_BOOT_COMMANDS = resource("payara/preboot.asadmin");

    private static String resource(String name) {
        try (java.io.InputStream in = PayaraProcess.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the launcher jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Payara's OpenAPI endpoint, moved aside and off where the storefront (ROOT.war) is deployed: Payara merges the
     * documents of several WARs without their context roots, so the storefront answers {@code /openapi} with the
     * services' own merged view instead (and no WAR's classes are scanned for a document nobody reads).
     */
    /** The JSON-P system property naming the provider class (Jakarta JSON Processing 2.1, {@code JsonProvider}). */
    static final String JSON_PROVIDER_PROPERTY = "jakarta.json.provider";
    /** Eclipse Parsson's provider, the one Payara ships. */
    static final String JSON_PROVIDER = "org.eclipse.parsson.JsonProviderImpl";

    static final String OPENAPI_MOVED = resource("payara/preboot-storefront.asadmin");

    /** The pre-boot commands of one instance: {@link #PRE_BOOT_COMMANDS}, plus {@link #OPENAPI_MOVED} if it serves the shop. */
    /**
     * asadmin commands run after Payara boots and before it deploys the WARs: the Artemis resource adapter deployed
     * (as {@code artemis-ra}), the broker's connection factories ({@code docker/payara/postboot/jms.asadmin}) and
     * each service's JDBC pool and resource ({@code docker/payara/postboot/<service>.asadmin}), the same files the
     * container images run. Nothing at all for an instance without applications.
     *
     * @param resourceAdapter the RAR's path (asadmin command files split on spaces: it must have none)
     * @throws IllegalArgumentException for a path with a space
     */
    static String postBootCommands(Instance instance, Path resourceAdapter) {
        if (instance.services().isEmpty()) {
            return "";
        }
        String rar = resourceAdapter.toAbsolutePath().toString();
        if (rar.contains(" ")) {
            throw new IllegalArgumentException("Payara's command files cannot name a path with a space: " + rar
                    + "; run Mercato from a folder whose path has none");
        }
        StringBuilder commands = new StringBuilder("deploy --name=artemis-ra --type=rar " + rar + "\n")
                .append(resource("payara/postboot/jms.asadmin"));
        for (Service service : instance.services()) {
            if (service.hasDatabase()) {
                commands.append(resource("payara/postboot/" + service.configName() + ".asadmin"));
            }
        }
        return commands.toString();
    }

    static String preBootCommands(Instance instance) {
        boolean shop = instance.services().stream().anyMatch(service -> service.contextRoot().equals("/"));
        return shop ? PRE_BOOT_COMMANDS + OPENAPI_MOVED : PRE_BOOT_COMMANDS;
    }

    /**
     * The logging configuration of Payara's console ({@code --logproperties}, {@code docker/payara/logging-*.properties})
     * for {@code MERCATO_LOG_FORMAT}: {@code text} (default: Payara's ODL blocks without colour codes) or {@code json}
     * (one JSON object per record, as the Docker images write).
     *
     * @throws IllegalArgumentException for any other value
     */
    static String loggingProperties(String format) {
        String chosen = format == null || format.isBlank() ? "text" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("json")) {
            throw new IllegalArgumentException("MERCATO_LOG_FORMAT must be text or json, not " + format);
        }
        return resource("payara/logging-" + chosen + ".properties");
    }

    static PayaraProcess start(Settings settings, Map<String, String> environment, Consumer<String> notices)
            throws IOException {
        return start(settings, new Instance("mercato", settings.httpPort(), settings.services(), List.of()),
                environment, notices);
    }

    static PayaraProcess start(Settings settings, Instance instance, Map<String, String> environment,
            Consumer<String> notices) throws IOException {
        boolean main = instance.name().equals("mercato");
        Path rootDir = settings.dataDir().resolve(main ? "payara" : "payara-" + instance.name());
        // a reused root dir redeploys every WAR twice: start from nothing each time
        deleteRecursively(rootDir);
        Path logs = Files.createDirectories(settings.dataDir().resolve("logs"));
        String logName = main ? "payara" : "payara-" + instance.name();
        Path logFile = logs.resolve(logName + ".log");
        if (Files.exists(logFile)) {
            Files.move(logFile, logs.resolve(logName + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        int clusterPort = instance.clusterPort() > 0 ? instance.clusterPort() : Ports.free();
        List<String> members = new ArrayList<>();
        instance.gridMembers().stream().filter(member -> member != clusterPort)
                .forEach(member -> members.add("127.0.0.1:" + member));
        members.add("127.0.0.1:" + clusterPort);
        Path preBoot = settings.dataDir().resolve(main
                ? "payara-preboot.asadmin"
                : "payara-preboot-" + instance.name() + ".asadmin");
        Files.writeString(preBoot, preBootCommands(instance));
        Path postBoot = settings.dataDir().resolve(main
                ? "payara-postboot.asadmin"
                : "payara-postboot-" + instance.name() + ".asadmin");
        String postBootCommands = postBootCommands(instance, settings.resourceAdapter());
        // an operator's own commands, run last (as the images do): MERCATO_POSTBOOT_FILE
        String operatorFile = environment.getOrDefault("MERCATO_POSTBOOT_FILE", System.getenv("MERCATO_POSTBOOT_FILE"));
        if (!postBootCommands.isEmpty() && operatorFile != null && !operatorFile.isBlank()) {
            String own = Files.readString(Path.of(operatorFile));
            postBootCommands += own.endsWith("\n") ? own : own + "\n";
        }
        Files.writeString(postBoot, postBootCommands);
        Path logging = settings.dataDir().resolve(main
                ? "payara-logging.properties"
                : "payara-logging-" + instance.name() + ".properties");
        Files.writeString(logging, loggingProperties(environment.getOrDefault("MERCATO_LOG_FORMAT",
                System.getenv("MERCATO_LOG_FORMAT"))));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "TERM"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx" + (instance.heap() != null ? instance.heap() : settings.payaraHeap()),
                "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                // every collection with its pause, for an operator (or a test) asking why a request took long
                "-Xlog:gc:file=\"" + logs.resolve(logName + "-gc.log") + "\":time,uptime:filecount=2,filesize=5m",
                "-Djava.net.preferIPv4Stack=true",
                // JSON-P's provider by name: Payara's JsonProvider.provider() then loads the class once, where
                // without it every Json.createObjectBuilder() ran a ServiceLoader scan of the class path (the
                // largest single cost of a catalog listing in a profile, docs/benchmarks.md)
                "-D" + JSON_PROVIDER_PROPERTY + "=" + JSON_PROVIDER));
        command.addAll(instance.jvmOptions());
        command.addAll(List.of("-jar", settings.payaraJar().toString(),
                "--port", Integer.toString(instance.httpPort()),
                "--rootdir", rootDir.toString(),
                "--name", instance.name(),
                "--disablephonehome",
                "--nohostaware",
                // the data grid (carts, sessions, caches) as a one-member cluster on loopback, no multicast
                "--startport", Integer.toString(clusterPort), "--interfaces", "127.0.0.1",
                "--clustermode", "tcpip:" + String.join(",", members),
                "--prebootcommandfile", preBoot.toString(),
                "--postbootcommandfile", postBoot.toString(),
                // the JDBC driver of the pools the post-boot commands create, on Payara's own class path
                "--addlibs", settings.jdbcDriver().toString(),
                "--logproperties", logging.toString()));
        // the resource adapter is deployed by the post-boot commands, before the WARs
        for (Service service : instance.services()) {
            command.add("--deploy");
            command.add(settings.war(service).toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        PayaraProcess payara = new PayaraProcess(process, logFile, clusterPort);
        Thread pump = new Thread(() -> payara.pump(notices), "payara-log");
        pump.setDaemon(true);
        pump.start();
        LOG.info(() -> "Payara Micro " + instance.name() + " started (pid " + process.pid() + "), log in " + logFile);
        return payara;
    }

    private void pump(Consumer<String> notices) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            String line;
            boolean inStartupError = false;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.contains("NCLS-CORE-00019") && startupError.isEmpty()) {
                    inStartupError = true;
                }
                if (inStartupError) {
                    if (startupError.size() < STARTUP_ERROR_LINES) {
                        startupError.add(line);
                    }
                    inStartupError = !line.contains("]]");
                }
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                if (line.contains("Failed to start, exiting")) {
                    bootFailed = true;
                }
                java.util.regex.Matcher grid = GRID_SIZE.matcher(line);
                if (grid.find()) {
                    gridSize = Integer.parseInt(grid.group(1));
                }
                if (line.contains("was successfully deployed")) {
                    anyDeployed = true;
                }
                int failed = Math.max(line.indexOf("Exception while deploying the app"),
                        line.indexOf("Exception while loading the app"));
                if (failed >= 0) {
                    failedDeployments.add(line.substring(failed));
                }
                if (line.contains("MERCATO-NOTICE") || line.contains("SEVERE")) {
                    notices.accept(line);
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "Lost Payara's output: " + e.getMessage());
        }
    }

    /**
     * Waits until {@code /health/ready} is UP and names every expected check, and every context root answers.
     */
    void awaitReady(int httpPort, List<Service> services, Duration timeout) throws InterruptedException {
        // HTTP/1.1: the client's HTTP/2 upgrade on a reused connection was seen to hang against a busy Payara, so
        // that an instance long ready never looked ready
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastState = "not started";
        while (System.nanoTime() < deadline) {
            if (!failedDeployments.isEmpty()) {
                throw new IllegalStateException("a WAR failed to deploy: " + failedDeployments.get(0)
                        + "\nsee " + logFile + "; last lines:\n" + tail());
            }
            if (bootFailed || (!process.isAlive() && !anyDeployed)) {
                throw new BootFailure("Payara Micro failed to boot" + (startupError.isEmpty()
                        ? ""
                        : ":\n" + startupError()) + "\nlast lines of " + logFile + ":\n" + tail());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + logFile + ":\n" + tail());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                List<String> missing = services.stream().map(Service::readinessCheck)
                        .filter(check -> check != null && !ready.body().contains("\"" + check + "\""))
                        .toList();
                if (ready.statusCode() == 200 && missing.isEmpty() && allDeployed(http, httpPort, services)) {
                    return;
                }
                lastState = "HTTP " + ready.statusCode() + (missing.isEmpty() ? "" : ", missing checks " + missing);
            } catch (IOException notYet) {
                lastState = "not listening yet";
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Payara Micro not ready after " + timeout.toSeconds() + " s (" + lastState
                + "); last lines of " + logFile + ":\n" + tail());
    }

    /** A WAR that fails to deploy does not stop Payara: check each context root answers with something. */
    private static boolean allDeployed(HttpClient http, int httpPort, List<Service> services)
            throws IOException, InterruptedException {
        for (Service service : services) {
            String path = service.contextRoot().equals("/") ? "/" : service.contextRoot() + "/";
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 404 && !service.contextRoot().equals("/")
                    && isPlainNotFound(http, httpPort, service)) {
                return false;
            }
        }
        return true;
    }

    /** An API-only WAR answers 404 at its root too; its /api/status (401 without a token) proves it is there. */
    private static boolean isPlainNotFound(HttpClient http, int httpPort, Service service)
            throws IOException, InterruptedException {
        HttpResponse<Void> status = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + service.contextRoot() + "/api/status"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        return status.statusCode() == 404;
    }

    /** Why Payara's start-up failed, as it logged it (empty when it did not say). */
    String startupError() {
        return String.join("\n", startupError);
    }

    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Members of the data grid as this instance last reported them (Payara's "DG Size"), 0 before the first report. */
    int gridSize() {
        return gridSize;
    }

    Path logFile() {
        return logFile;
    }

    /** The port of this instance's member of the data grid (Hazelcast), on 127.0.0.1. */
    int clusterPort() {
        return clusterPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            LOG.warning("Payara Micro did not stop in 45 s; killing it");
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
