package org.mercato.platform.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.mercato.platform.ports.LoopbackPorts;

/**
 * A real single-node OpenSearch server, started as a child process on loopback ports and stopped by
 * {@link #close()}: the search tests' node and the cluster mode's. It runs the distribution that the build unpacked (system property {@code mercato.opensearch.home},
 * an OpenSearch "integ-test-zip" with the analysis-common module added). OpenSearch refuses to run as root, so when
 * the tests run as root the node runs as the unprivileged user nobody, from a copy in a world-readable temporary
 * directory.
 */
public final class OpenSearchNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OpenSearchNode.class.getName());
    private static final int NOBODY = 65534;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path workDir;
    private final int httpPort;

    private OpenSearchNode(Process process, Path workDir, int httpPort) {
        this.process = process;
        this.workDir = workDir;
        this.httpPort = httpPort;
    }

    /** Starts a node from the distribution named by the system property {@code mercato.opensearch.home}. */
    public static OpenSearchNode start() throws IOException, InterruptedException {
        String home = System.getProperty("mercato.opensearch.home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("OpenSearch distribution not found: set mercato.opensearch.home (was "
                    + home + "); the build unpacks it before integration tests");
        }
        return start(Path.of(home));
    }

    public static OpenSearchNode start(Path distribution) throws IOException, InterruptedException {
        return start(distribution, freePort());
    }

    /**
     * Runs a node in the foreground until Ctrl-C, for benchmarks and trying the Elasticsearch backend by hand:
     * {@code java -cp platform/test-support/target/classes org.mercato.platform.testing.OpenSearchNode <distribution> [port]}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: OpenSearchNode <unpacked distribution> [http port, default 9200]");
            System.exit(2);
        }
        OpenSearchNode node = start(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 9200);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        System.out.println("OpenSearch ready on " + node.uri() + " (Ctrl-C stops it and deletes its data)");
        Thread.currentThread().join();
    }

    public static OpenSearchNode start(Path distribution, int httpPort) throws IOException, InterruptedException {
        return start(distribution, httpPort, "mercato-test");
    }

    /**
     * Starts a node and returns once its cluster health is at least yellow (90 s at most).
     *
     * @param distribution the unpacked distribution (with modules/analysis-common)
     * @param httpPort the HTTP port on 127.0.0.1; the transport port is a free one
     * @param clusterName OpenSearch's cluster.name
     * @throws IllegalStateException if the node exits or is not ready in time (it is stopped then)
     */
    public static OpenSearchNode start(Path distribution, int httpPort, String clusterName)
            throws IOException, InterruptedException {
        boolean root = isRoot();
        Path workDir = Files.createTempDirectory("mercato-opensearch-");
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = workDir.resolve("home");
        copyTree(distribution, home);
        Path config = home.resolve("config");
        Files.write(config.resolve("jvm.options"), List.of("-Xms384m", "-Xmx384m", "-XX:+UseG1GC",
                "-Djava.io.tmpdir=${OPENSEARCH_TMPDIR}", "-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"),
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
                        + "org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory"));
        Path data = Files.createDirectories(workDir.resolve("data"));
        Path logs = Files.createDirectories(workDir.resolve("logs"));
        addAnalysisModule(home);
        if (root) {
            // the node writes its keystore, data and logs as nobody
            chownTree(workDir);
        }
        int transportPort = freePort();
        List<String> command = new ArrayList<>();
        command.add("setpriv");
        if (root) {
            command.addAll(List.of("--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of("--pdeathsig", "TERM", home.resolve("bin/opensearch").toString(),
                "-Ediscovery.type=single-node", "-Enetwork.host=127.0.0.1", "-Ehttp.port=" + httpPort,
                "-Etransport.port=" + transportPort, "-Epath.data=" + data, "-Epath.logs=" + logs,
                "-Ecluster.name=" + clusterName, "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("console.log").toFile());
        builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("OPENSEARCH_PATH_CONF", config.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long started = System.nanoTime();
        OpenSearchNode node = new OpenSearchNode(builder.start(), workDir, httpPort);
        try {
            node.awaitReady(started);
        } catch (IOException | RuntimeException | InterruptedException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /**
     * Stemming, ASCII folding and edge n-grams live in OpenSearch's analysis-common module, which the integ-test
     * distribution leaves out; the build copies its jar into modules/analysis-common and this adds the descriptor.
     */
    private static void addAnalysisModule(Path home) throws IOException {
        Path module = home.resolve("modules/analysis-common");
        String version;
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            version = jars.map(jar -> jar.getFileName().toString()).filter(n -> n.matches("opensearch-\\d.*\\.jar"))
                    .map(n -> n.substring("opensearch-".length(), n.length() - ".jar".length())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no opensearch jar in " + home.resolve("lib")));
        }
        if (!Files.exists(module.resolve("analysis-common-" + version + ".jar"))) {
            throw new IllegalStateException("analysis-common-" + version + ".jar missing in " + module);
        }
        Files.write(module.resolve("plugin-descriptor.properties"), List.of(
                "description=Adds built-in analyzers to OpenSearch.", "version=" + version, "name=analysis-common",
                "classname=org.opensearch.analysis.common.CommonAnalysisPlugin", "java.version=11",
                "opensearch.version=" + version, "custom.foldername=", "extended.plugins=",
                "has.native.controller=false"));
    }

    /** "127.0.0.1:port", as Hibernate Search's {@code hibernate.search.backend.hosts} wants it. */
    public String hosts() {
        return "127.0.0.1:" + httpPort;
    }

    /** The node's process id (the JVM: the start script execs it). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public URI uri() {
        return URI.create("http://" + hosts());
    }

    private void awaitReady(long started) throws IOException, InterruptedException {
        long deadline = started + START_TIMEOUT.toNanos();
        URI health = URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("OpenSearch exited with " + process.exitValue() + ": " + tail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(3000);
                if (connection.getResponseCode() == 200) {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    LOG.info(() -> "OpenSearch node ready on " + hosts() + " after " + millis + " ms");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("OpenSearch not ready after " + START_TIMEOUT + ": " + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(workDir.resolve("console.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            // the script execs java, but make sure no child outlives the test
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(workDir);
    }

    private static boolean isRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static int freePort() {
        return LoopbackPorts.free();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void chownTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(path, "unix:uid", NOBODY);
                Files.setAttribute(path, "unix:gid", NOBODY);
            }
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
