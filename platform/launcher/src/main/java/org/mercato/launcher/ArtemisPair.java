package org.mercato.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.mercato.messaging.Topics;

/**
 * A replicated Artemis primary/backup pair from the standalone distribution ({@code org.apache.artemis:apache-artemis}
 * bin archive, unpacked by the build into {@code artemis/}), each broker a child process on loopback. The backup
 * copies the primary's journal over the network as it is written and takes over when the primary goes; clients
 * given both addresses with HA on (the resource adapter, {@link ServiceEnvironment}) follow it.
 *
 * <p>Each broker is an Artemis instance folder made once with {@code artemis create} (scripts, logging), whose
 * {@code etc/broker.xml} is written anew at every start: Mercato's topics, dead-letter queues per topic filtered on
 * the original address, redelivery back-off, and the pair's replication policy.
 */
final class ArtemisPair implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArtemisPair.class.getName());

    /** One broker of the pair: its role, instance folder, client port and process (null when stopped). */
    static final class Broker {
        final String name;
        final boolean backup;
        final Path instance;
        final int port;
        volatile Process process;

        Broker(String name, boolean backup, Path instance, int port) {
            this.name = name;
            this.backup = backup;
            this.instance = instance;
            this.port = port;
        }

        long pid() {
            Process p = process;
            return p == null ? -1 : p.pid();
        }

        boolean isAlive() {
            Process p = process;
            return p != null && p.isAlive();
        }

        Path log() {
            return instance.resolve("log/console.log");
        }
    }

    private final Path distribution;
    private final String clusterPassword = Launcher.generatePassword();
    private final Broker primary;
    private final Broker backup;

    private ArtemisPair(Path distribution, Broker primary, Broker backup) {
        this.distribution = distribution;
        this.primary = primary;
        this.backup = backup;
    }

    /**
     * Starts the primary, waits until it accepts clients, then starts the backup, which synchronizes in the
     * background. Returns once the primary takes clients.
     *
     * @param distribution the unpacked Artemis distribution (its {@code bin/artemis})
     * @param directory where the two instance folders live ({@code primary/}, {@code backup/})
     * @throws IllegalStateException if a broker exits or the primary does not listen within a minute
     */
    static ArtemisPair start(Path distribution, Path directory, int primaryPort, int backupPort)
            throws IOException, InterruptedException {
        ArtemisPair pair = new ArtemisPair(distribution,
                new Broker("artemis-primary", false, directory.resolve("primary"), primaryPort),
                new Broker("artemis-backup", true, directory.resolve("backup"), backupPort));
        try {
            pair.start(pair.primary);
            awaitListening(pair.primary, Duration.ofSeconds(60));
            pair.start(pair.backup);
        } catch (IOException | InterruptedException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    Broker primary() {
        return primary;
    }

    Broker backup() {
        return backup;
    }

    /** Both brokers, as host:port, the primary first (what the clients are given). */
    List<String> addresses() {
        return List.of("127.0.0.1:" + primary.port, "127.0.0.1:" + backup.port);
    }

    /**
     * Starts a broker of the pair (again): a primary that comes back while its backup serves asks the backup for
     * the journal and takes over again once it has it (fail-back); a backup that comes back synchronizes.
     */
    synchronized void start(Broker broker) throws IOException {
        if (broker.isAlive()) {
            return;
        }
        Broker peer = broker == primary ? backup : primary;
        prepare(broker, peer);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "TERM"));
        }
        command.add(broker.instance.resolve("bin/artemis").toString());
        command.add("run");
        Files.createDirectories(broker.log().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(broker.log().toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_ARGS", "-Xms64m -Xmx384m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"
                + " -Djava.net.preferIPv4Stack=true --add-opens java.base/jdk.internal.misc=ALL-UNNAMED");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        broker.process = builder.start();
        LOG.info(() -> "Artemis " + (broker.backup ? "backup" : "primary") + " started on 127.0.0.1:" + broker.port
                + " (pid " + broker.process.pid() + "), log in " + broker.log());
    }

    /** Makes the instance folder once, and writes its broker.xml for this start. */
    private void prepare(Broker broker, Broker peer) throws IOException {
        if (!Files.isRegularFile(broker.instance.resolve("bin/artemis"))) {
            Files.createDirectories(broker.instance.getParent());
            List<String> create = List.of(distribution.resolve("bin/artemis").toString(), "create",
                    broker.instance.toString(), "--silent", "--force", "--name", broker.name, "--host", "127.0.0.1",
                    "--default-port", Integer.toString(broker.port), "--no-web", "--no-amqp-acceptor",
                    "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor", "--nio",
                    "--allow-anonymous", "--user", "mercato", "--password", Launcher.generatePassword());
            ProcessBuilder builder = new ProcessBuilder(create).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            Process process = builder.start();
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("artemis create failed for " + broker.instance);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while creating " + broker.instance, e);
            }
        }
        Files.writeString(broker.instance.resolve("etc/broker.xml"), brokerXml(broker, peer, clusterPassword),
                StandardCharsets.UTF_8);
    }

    /**
     * The configuration of one broker of the pair.
     *
     * @param clusterPassword what the two brokers of the pair authenticate each other with
     */
    static String brokerXml(Broker broker, Broker peer, String clusterPassword) {
        return brokerXml(broker.name, broker.backup, "127.0.0.1:" + broker.port, "127.0.0.1:" + broker.port,
                "127.0.0.1:" + peer.port, clusterPassword);
    }

    /**
     * The configuration of one broker of a pair, wherever it runs (the cluster mode on loopback, a container).
     *
     * @param name the broker's name
     * @param backup whether it is the backup (else the primary)
     * @param acceptor host:port it listens on (CORE protocol only)
     * @param self host:port the clients and the peer reach it at (announced for failover)
     * @param peer host:port of the other broker of the pair
     * @param clusterPassword what the two brokers of the pair authenticate each other with
     */
    static String brokerXml(String name, boolean backup, String acceptor, String self, String peer,
            String clusterPassword) {
        StringBuilder addresses = new StringBuilder();
        for (String topic : Topics.all()) {
            addresses.append("      <address name=\"").append(topic).append("\"><multicast/></address>\n");
        }
        addresses.append("      <address name=\"DLQ\">\n        <anycast>\n");
        for (String topic : Topics.all()) {
            // each topic's dead letters in a queue of their own (what the console lists and retries)
            addresses.append("          <queue name=\"DLQ.").append(topic)
                    .append("\"><filter string=\"_AMQ_ORIG_ADDRESS = '")
                    .append(topic).append("'\"/></queue>\n");
        }
        addresses.append("        </anycast>\n      </address>\n");
        addresses.append(
                "      <address name=\"ExpiryQueue\"><anycast><queue name=\"ExpiryQueue\"/></anycast></address>\n");
        String haPolicy = backup
                ? "<backup><allow-failback>true</allow-failback></backup>"
                // a primary that starts while its backup serves asks for the journal first instead of starting
                // with its own stale one; losing the backup does not stop the primary (a pair cannot vote)
                : "<primary><check-for-active-server>true</check-for-active-server>"
                        + "<vote-on-replication-failure>false</vote-on-replication-failure></primary>";
        return """
                <?xml version="1.0"?>
                <!-- written at every start by Mercato (ArtemisPair: the cluster launcher, or the image's entrypoint); edits here are lost -->
                <configuration xmlns="urn:activemq" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                               xsi:schemaLocation="urn:activemq /schema/artemis-configuration.xsd">
                  <core xmlns="urn:activemq:core">
                    <name>%1$s</name>
                    <persistence-enabled>true</persistence-enabled>
                    <journal-type>NIO</journal-type>
                    <journal-datasync>true</journal-datasync>
                    <paging-directory>data/paging</paging-directory>
                    <bindings-directory>data/bindings</bindings-directory>
                    <journal-directory>data/journal</journal-directory>
                    <large-messages-directory>data/large-messages</large-messages-directory>
                    <journal-min-files>2</journal-min-files>
                    <journal-pool-files>10</journal-pool-files>
                    <journal-file-size>10M</journal-file-size>
                    <security-enabled>false</security-enabled>
                    <max-disk-usage>95</max-disk-usage>
                    <connectors>
                      <connector name="self">tcp://%2$s</connector>
                      <connector name="peer">tcp://%3$s</connector>
                    </connectors>
                    <acceptors>
                      <acceptor name="core">tcp://%7$s?protocols=CORE</acceptor>
                    </acceptors>
                    <cluster-user>mercato-cluster</cluster-user>
                    <cluster-password>%4$s</cluster-password>
                    <cluster-connections>
                      <cluster-connection name="mercato-pair">
                        <connector-ref>self</connector-ref>
                        <message-load-balancing>OFF</message-load-balancing>
                        <max-hops>1</max-hops>
                        <static-connectors><connector-ref>peer</connector-ref></static-connectors>
                      </cluster-connection>
                    </cluster-connections>
                    <ha-policy><replication>%5$s</replication></ha-policy>
                    <address-settings>
                      <address-setting match="#">
                        <dead-letter-address>DLQ</dead-letter-address>
                        <expiry-address>ExpiryQueue</expiry-address>
                        <max-delivery-attempts>5</max-delivery-attempts>
                        <redelivery-delay>1000</redelivery-delay>
                        <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>
                        <max-redelivery-delay>30000</max-redelivery-delay>
                        <auto-create-dead-letter-resources>true</auto-create-dead-letter-resources>
                        <address-full-policy>PAGE</address-full-policy>
                        <auto-create-queues>true</auto-create-queues>
                        <auto-create-addresses>true</auto-create-addresses>
                      </address-setting>
                    </address-settings>
                    <addresses>
                %6$s    </addresses>
                  </core>
                </configuration>
                """
                .formatted(name, self, peer, clusterPassword, haPolicy, addresses, acceptor);
    }

    /**
     * Prints a broker's configuration, for the Artemis image's entrypoint (docker/artemis): {@code primary|backup
     * <name> <acceptor host:port> <self host:port> <peer host:port>}, the pair's password in the environment
     * variable {@code MERCATO_BROKER_CLUSTER_PASSWORD}. Exits 2 on wrong arguments.
     */
    public static void main(String[] args) {
        String password = System.getenv("MERCATO_BROKER_CLUSTER_PASSWORD");
        if (args.length != 5 || !List.of("primary", "backup").contains(args[0]) || password == null
                || password.isBlank()) {
            System.err.println("usage: MERCATO_BROKER_CLUSTER_PASSWORD=... ArtemisPair primary|backup <name>"
                    + " <acceptor host:port> <self host:port> <peer host:port>");
            System.exit(2);
        }
        System.out.print(brokerXml(args[1], args[0].equals("backup"), args[2], args[3], args[4], password));
    }

    /** Waits until the broker accepts TCP connections on its port. */
    static void awaitListening(Broker broker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("Artemis " + broker.name + " exited; see " + broker.log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", broker.port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("Artemis " + broker.name + " not listening after " + timeout.toSeconds()
                + " s; see " + broker.log());
    }

    /** Stops the backup first (so the primary's stop is not a failover), then the primary. */
    @Override
    public void close() {
        stop(backup);
        stop(primary);
    }

    static void stop(Broker broker) {
        Process process = broker.process;
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warning(() -> "Artemis " + broker.name + " did not stop in 30 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
