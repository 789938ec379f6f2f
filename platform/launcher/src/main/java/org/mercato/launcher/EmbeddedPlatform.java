package org.mercato.launcher;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Embedded mode (DESIGN §4.1): PostgreSQL and Artemis in this JVM, Payara Micro with every WAR as a child.
 * Started by {@code ./mercato up} and by the system tests; {@link #close()} stops all three in reverse order.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPlatform.class.getName());

    private final Settings settings;
    private EmbeddedDatabase database;
    private EmbeddedBroker broker;
    private int brokerPort;
    private EmbeddedMailServer mail;
    /** Client credentials of the order service at the users service, fresh each start. */
    private final String ordersServiceSecret = Launcher.generatePassword() + Launcher.generatePassword();
    private PayaraProcess payara;
    private PayaraProcess consoleReplica;

    private EmbeddedPlatform(Settings settings) {
        this.settings = settings;
    }

    /** Starts everything and returns once every service is ready; on failure, stops what had started. */
    public static EmbeddedPlatform start(Settings settings, Consumer<String> notices, Duration readyTimeout)
            throws Exception {
        settings.checkInstalled();
        Files.createDirectories(settings.dataDir());
        if (Ports.inUse(settings.httpPort())) {
            throw new IllegalStateException("port " + settings.httpPort()
                    + " is in use: stop what uses it or set MERCATO_HTTP_PORT");
        }
        EmbeddedPlatform platform = new EmbeddedPlatform(settings);
        try {
            platform.database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"),
                    settings.databasePort(), settings.services());
            LOG.info(() -> "PostgreSQL ready on 127.0.0.1:" + platform.database.port());
            platform.brokerPort = settings.brokerPort().orElseGet(Ports::free);
            platform.broker = EmbeddedBroker.start(settings.dataDir().resolve("artemis"), platform.brokerPort);
            platform.mail = EmbeddedMailServer.start(settings.dataDir().resolve("mail"), Ports.free());
            for (int attempt = 1;; attempt++) {
                platform.payara = PayaraProcess.start(settings, platform.environment(), notices);
                try {
                    platform.payara.awaitReady(settings.httpPort(), settings.services(), readyTimeout);
                    return platform;
                } catch (PayaraProcess.BootFailure bootFailure) {
                    // Payara Micro 6 sometimes dies in its own start-up (an HK2 ConcurrentModificationException)
                    // and then hangs: stop it and boot again, a few times at most
                    platform.payara.close();
                    if (attempt == 3) {
                        throw bootFailure;
                    }
                    LOG.warning(
                            "Payara Micro failed to boot (attempt " + attempt + "); starting it again. Payara said:\n"
                                    + platform.payara.startupError());
                }
            }
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    /** What the WARs learn about their surroundings, as MicroProfile Config environment variables. */
    Map<String, String> environment() {
        Map<String, String> env = new ServiceEnvironment("embedded", database.port(), database.passwords(),
                List.of("127.0.0.1:" + broker.port()), false, "http://127.0.0.1:" + settings.httpPort(),
                settings.adminEmail(), settings.adminPassword(), ordersServiceSecret, mail.port())
                .forInstance(settings.services(), settings.services());
        env.put("MERCATO_CATALOG_INDEX_DIR", settings.dataDir().resolve("catalog-index").toString());
        env.put("MERCATO_CATALOG_IMAGE_DIR", settings.dataDir().resolve("catalog-images").toString());
        env.putAll(settings.extraEnvironment());
        return env;
    }

    public int httpPort() {
        return settings.httpPort();
    }

    public int databasePort() {
        return database.port();
    }

    public int brokerPort() {
        return brokerPort;
    }

    /** Stops the broker as an outage would (tests); the services keep running and retry. */
    public synchronized void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
            broker = null;
            LOG.warning("Artemis broker stopped");
        }
    }

    /** Starts the broker again on the same port with the same journal (messages kept across the outage). */
    public synchronized void startBroker() throws Exception {
        if (broker == null) {
            broker = EmbeddedBroker.start(settings.dataDir().resolve("artemis"), brokerPort);
        }
    }

    /** Messages the services have not consumed yet (-1 while the broker is stopped). */
    public synchronized long pendingMessages() {
        return broker == null ? -1 : broker.pendingMessages();
    }

    /** The emails the mail catcher received so far. */
    public jakarta.mail.internet.MimeMessage[] receivedMail() {
        return mail.received();
    }

    public java.nio.file.Path mailFolder() {
        return mail.folder();
    }

    /**
     * Starts a second Payara Micro instance with the admin console alone on {@code httpPort}, a member of the first
     * instance's data grid: staff sessions live in the grid, so either instance serves them (the failover a
     * console behind a load balancer needs). Returns once it answers; {@link #stopConsoleReplica()} or
     * {@link #close()} stops it.
     *
     * @throws IllegalStateException when one runs already, or it does not become ready within {@code timeout}
     */
    public synchronized void startConsoleReplica(int httpPort, Duration timeout) throws Exception {
        if (consoleReplica != null) {
            throw new IllegalStateException("a console replica runs already");
        }
        List<Service> console = settings.services().stream().filter(s -> s.contextRoot().equals("/admin"))
                .toList();
        Map<String, String> replicaEnv = environment();
        replicaEnv.put("MERCATO_INSTANCE_SERVICES", "admin");
        consoleReplica = PayaraProcess.start(settings, new PayaraProcess.Instance("console-replica", httpPort,
                console, List.of(payara.clusterPort())), replicaEnv, line -> {
                });
        try {
            consoleReplica.awaitReady(httpPort, console, timeout);
        } catch (Exception | Error e) {
            stopConsoleReplica();
            throw e;
        }
    }

    /** Stops the console replica, if one runs. */
    public synchronized void stopConsoleReplica() throws InterruptedException {
        if (consoleReplica != null) {
            consoleReplica.close();
            consoleReplica = null;
        }
    }

    public long payaraPid() {
        return payara.pid();
    }

    public boolean isRunning() {
        return payara != null && payara.isAlive();
    }

    public String payaraLogTail() {
        return payara == null ? "" : payara.tail();
    }

    @Override
    public synchronized void close() {
        try {
            stopConsoleReplica();
            if (payara != null) {
                payara.close();
                payara = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        } catch (Exception e) {
            LOG.warning(() -> "Artemis did not stop cleanly: " + e.getMessage());
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
        try {
            if (database != null) {
                database.close();
                database = null;
            }
        } catch (Exception e) {
            LOG.warning(() -> "PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
