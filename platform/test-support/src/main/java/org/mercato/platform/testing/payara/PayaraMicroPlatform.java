package org.mercato.platform.testing.payara;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What a Mercato WAR finds around it in production, for an in-container test ({@link InPayaraMicro}): PostgreSQL
 * (empty: the WAR migrates it at start, as in production), an Artemis broker, and the Payara set-up the launcher
 * and the images use: the pre-boot commands ({@code docker/payara/preboot.asadmin}), then after boot the Artemis
 * resource adapter deployed as {@code artemis-ra}, the connection factories ({@code postboot/jms.asadmin}) and the
 * service's JDBC pool ({@code postboot/<service>.asadmin}); the other services' HTTP ({@link OtherServices}, with
 * the key of the test's tokens, {@link TestTokens}). Its choices reach Arquillian's Payara Micro adapter as
 * the system properties {@code mercato.payara.jvmOptions} and {@code mercato.payara.microOptions}, which this
 * jar's arquillian.xml passes on; the adapter boots Payara when it deploys the test's archive.
 * <p>
 * Needs the system properties {@code payara.microJar} and {@code mercato.artemisRar} (set by the module's failsafe
 * configuration). One platform per test JVM at a time.
 */
public final class PayaraMicroPlatform implements BeforeAllCallback, AfterAllCallback {

    private static final Logger LOG = Logger.getLogger(PayaraMicroPlatform.class.getName());
    private static final String RESOURCES = "/org/mercato/platform/testing/payara/";
    private static volatile PayaraMicroPlatform current;

    private EmbeddedPostgres postgres;
    private TestBroker broker;
    private TestTokens tokens;
    private OtherServices otherServices;
    private Path workDir;
    private int httpPort;
    private final java.util.Map<String, Integer> ports = new java.util.concurrent.ConcurrentHashMap<>();
    private String instanceName;

    /**
     * The module's WAR as the build packaged it ({@code target/<fileName>}; failsafe runs after {@code package}),
     * for a test's {@code @Deployment}: what ships is what is tested.
     */
    public static WebArchive packagedWar(String fileName) {
        return ShrinkWrap.create(ZipImporter.class, fileName).importFrom(new java.io.File("target/" + fileName)).as(
                WebArchive.class);
    }

    /** The platform of the test class running now. */
    public static PayaraMicroPlatform current() {
        if (current == null) {
            throw new IllegalStateException("no PayaraMicroPlatform: annotate the test class with @InPayaraMicro");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        InPayaraMicro service = context.getRequiredTestClass().getAnnotation(InPayaraMicro.class);
        if (service == null) {
            throw new IllegalStateException(context.getRequiredTestClass() + " is not annotated @InPayaraMicro");
        }
        String name = service.value();
        instanceName = name + "-it";
        workDir = Files.createDirectories(Path.of("target", "payara-micro-it").toAbsolutePath());
        postgres = service.database() ? EmbeddedPostgres.builder().start() : null;
        broker = TestBroker.start(Files.createTempDirectory(workDir, "broker-"), freePort());
        tokens = TestTokens.generate();
        otherServices = OtherServices.start(freePort(), tokens);
        httpPort = freePort();
        int clusterPort = freePort();

        Path preBoot = workDir.resolve("preboot.asadmin");
        // the images' pre-boot commands, and the test's HTTP listener on loopback only
        Files.writeString(preBoot, resource("preboot.asadmin") + "\nset configs.config.server-config.network-config"
                + ".network-listeners.network-listener.http-listener.address=127.0.0.1\n");
        Path postBoot = workDir.resolve("postboot.asadmin");
        Files.writeString(postBoot, postBootCommands(service.database() ? name : null, Path.of(required(
                "mercato.artemisRar")), broker.port()));

        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC", "-Djava.net.preferIPv4Stack=true",
                // as the launcher: JSON-P's provider by name, no ServiceLoader scan per builder
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                // the other services (the gateway), and the users service's key as the test's own
                "-Dmercato.api.base-url=" + otherServices.baseUrl(), "-Dmp.jwt.verify.publickey.location="
                        + otherServices.baseUrl() + "/users/api/jwks"));
        if (postgres != null) {
            // what the launcher passes as environment (ServiceEnvironment), as MicroProfile Config values
            jvm.addAll(List.of("-Dmercato.db.host=127.0.0.1", "-Dmercato.db.port=" + postgres.getPort(),
                    "-Dmercato." + name + ".db.name=postgres", "-Dmercato." + name + ".db.user=postgres",
                    "-Dmercato." + name + ".db.password=postgres"));
        }
        for (String setting : service.settings()) {
            jvm.add("-D" + withPorts(setting));
        }
        System.setProperty("mercato.payara.jvmOptions", String.join(" ", jvm));
        System.setProperty("mercato.payara.microOptions", String.join(" ", List.of("--port", Integer.toString(
                httpPort), "--name", instanceName, "--disablephonehome", "--nohostaware",
                // the data grid (rate limits, caches) as a one-member cluster on loopback, as the launcher's:
                // never joining another Payara on this machine
                "--startport", Integer.toString(clusterPort), "--interfaces", "127.0.0.1", "--clustermode",
                "tcpip:127.0.0.1:" + clusterPort, "--prebootcommandfile", preBoot.toString(),
                "--postbootcommandfile", postBoot.toString(),
                // the JDBC driver of the pool the post-boot commands create, on Payara's own class path
                "--addlibs", jarOf(org.postgresql.Driver.class).toString())));
        current = this;
        LOG.info(() -> "In-container test of " + name + ": PostgreSQL on " + (postgres == null
                ? "-"
                : postgres
                        .getPort())
                + ", Artemis on "
                + broker.port() + ", Payara Micro to come on " + httpPort);
    }

    /**
     * The post-boot commands of one service's Payara: the launcher's ({@code PayaraProcess.postBootCommands}),
     * with the resource adapter pointed at the test's broker first. The RAR's ra.xml reads the broker's address
     * from the environment (MERCATO_BROKER_*), which a test cannot give the Payara process Arquillian starts; a
     * resource adapter configuration made before the RAR is deployed sets the same two properties. A null service
     * has no database, so no JDBC pool.
     */
    static String postBootCommands(String service, Path rar, int brokerPort) {
        String path = rar.toAbsolutePath().toString();
        if (path.contains(" ")) {
            throw new IllegalArgumentException("Payara's command files cannot name a path with a space: " + path);
        }
        return "create-resource-adapter-config --property ConnectorClassName="
                + "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory:ConnectionParameters="
                + "host\\=127.0.0.1;port\\=" + brokerPort + " artemis-ra\n" + "deploy --name=artemis-ra --type=rar "
                + path + "\n" + resource("postboot/jms.asadmin") + (service == null
                        ? ""
                        : resource("postboot/"
                                + service + ".asadmin"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        // Arquillian (after this in afterAll order) undeployed the archive: its adapter only signals Payara to
        // stop, so wait for the process it started, before the broker and database go
        for (ProcessHandle payara : ProcessHandle.current().children().filter(child -> child.info().commandLine()
                .orElse("").contains("--name " + instanceName)).toList()) {
            payara.destroy();
            try {
                payara.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stuck) {
                LOG.warning("Payara Micro (pid " + payara.pid() + ") did not stop in 60 s; killing it");
                payara.destroyForcibly();
            }
        }
        current = null;
        try {
            otherServices.close();
            broker.close();
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** The setting with each {@code {port:<name>}} replaced by the free port chosen for that name. */
    private String withPorts(String setting) {
        return java.util.regex.Pattern.compile("\\{port:([A-Za-z0-9.-]+)}").matcher(setting).replaceAll(
                placeholder -> Integer.toString(port(placeholder.group(1))));
    }

    /**
     * A free loopback port under a name, the same for every call: a setting names it as {@code {port:<name>}}
     * ({@code mercato.mail.port={port:smtp}}), and the test starts what the service reaches there (an SMTP server).
     */
    public int port(String name) {
        return ports.computeIfAbsent(name, unused -> {
            try {
                return freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Where the service answers: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public TestBroker broker() {
        return broker;
    }

    /** Tokens the service accepts (signed with the key {@link #otherServices()} serves as the users service's). */
    public TestTokens tokens() {
        return tokens;
    }

    /** The other services, as the one at {@code mercato.api.base-url}: canned answers, requests received. */
    public OtherServices otherServices() {
        return otherServices;
    }

    /** The service's database (the PostgreSQL database {@code postgres}), to read and to provoke failures in. */
    public DataSource database() {
        if (postgres == null) {
            throw new IllegalStateException("no database: the test class is @InPayaraMicro(database = false)");
        }
        return postgres.getPostgresDatabase();
    }

    /** Waits until the service reports ready ({@code /health/ready}: started, database migrated). */
    public void awaitReady(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String last = "not listening";
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers
                                .ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + ready.statusCode() + " " + ready.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service was not ready within " + limit + ": " + last);
    }

    /** One number from the service's database ({@code count(*)}, a sum; null reads as 0). */
    public long number(String sql, Object... parameters) {
        try (Connection connection = database().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs SQL statements on the service's database (test fixtures: a trigger, a lock). */
    public void execute(String... statements) {
        try (Connection connection = database().getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements), e);
        }
    }

    /** Polls the condition every 100 ms until it holds; fails with the message after the limit. */
    public static void eventually(Duration limit, String message, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + " (waited " + limit + ")");
            }
            Thread.sleep(100);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " not set (the module's failsafe"
                    + " configuration passes it)");
        }
        return value;
    }

    private static String resource(String name) {
        try (InputStream in = PayaraMicroPlatform.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + name + " missing from the test-support jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jarOf(Class<?> type) throws java.net.URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
