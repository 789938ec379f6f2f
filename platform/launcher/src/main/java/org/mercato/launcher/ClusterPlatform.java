package org.mercato.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.mercato.platform.opensearch.OpenSearchNode;

/**
 * Cluster mode (DESIGN §4.2), the shape the Swarm deployment mirrors, on loopback: PostgreSQL (one database and
 * login per service) and a mail catcher in this JVM; a replicated Artemis primary/backup pair; an OpenSearch node
 * (the catalog's search, one index shared by its instances); every WAR in its own Payara Micro JVM, catalog and cart
 * twice by default, all of them members of one Hazelcast data grid over TCP/IP; and NGINX in front as the gateway.
 *
 * <p>It supervises what it started: an instance, broker or gateway that dies (a crash, {@code kill -9}) is started
 * again on the same ports, as Swarm's restart policy would, and rejoins the grid and the gateway's rotation.
 * {@link #close()} stops everything, the gateway first and PostgreSQL last. What runs is recorded in
 * {@link ClusterState} for {@code ./mercato cluster status|down}.
 */
final class ClusterPlatform implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClusterPlatform.class.getName());
    /** Instances started at the same time; more only slow each other down on a small machine. */
    private static final int PARALLEL_STARTS = 3;
    private static final Duration INSTANCE_READY = Duration.ofMinutes(6);

    /** A Payara Micro instance of the cluster: one service, its number, its HTTP and data-grid ports. */
    record Member(Service service, int number, int httpPort, int gridPort) {
        String name() {
            return serviceName(service) + "-" + number;
        }
    }

    private final Settings settings;
    private final Path directory;
    private final Consumer<String> console;
    private final ClusterState state;
    private final List<Member> members = new ArrayList<>();
    private final Map<String, PayaraProcess> instances = new ConcurrentHashMap<>();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> restarting = new ConcurrentHashMap<>();
    /** Instances starting again, listed as down in the gateway until they are ready. */
    private final java.util.Set<String> outOfRotation = ConcurrentHashMap.newKeySet();
    private final String ordersServiceSecret = Launcher.generatePassword() + Launcher.generatePassword();
    private final Map<String, String> extraEnvironment;
    private final int internalPort;
    private final Map<String, String> rates;
    private final List<String> jvmOptions;
    private EmbeddedDatabase database;
    private EmbeddedMailServer mail;
    private ArtemisPair brokers;
    private OpenSearchNode search;
    private volatile Gateway gateway;
    private Map<String, String> gatewayValues;
    private volatile boolean closing;
    /**
     * The one thread that starts child processes, alive as long as this JVM: the children ask the kernel to stop
     * them when their parent goes ({@code setpriv --pdeathsig}), and for Linux the parent is the thread that
     * started them, so a child started from a pool thread would be stopped when that thread ends.
     */
    private final ExecutorService spawner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "mercato-cluster-spawner");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService restarter = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "mercato-cluster-restart");
        thread.setDaemon(true);
        return thread;
    });

    private ClusterPlatform(Settings settings, Map<String, Integer> replicas, int internalPort,
            Map<String, String> rates, List<String> jvmOptions, Map<String, String> extraEnvironment,
            Consumer<String> console) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.settings = settings;
        this.directory = settings.dataDir();
        this.console = console;
        this.state = new ClusterState(directory);
        this.internalPort = internalPort;
        this.rates = rates;
        this.extraEnvironment = extraEnvironment;
        for (Service service : settings.services()) {
            int count = replicas.getOrDefault(serviceName(service), 1);
            for (int number = 1; number <= count; number++) {
                members.add(new Member(service, number, Ports.free(), Ports.free()));
            }
        }
        // the second instances last: catalog-1 seeds the demo catalog and builds the shared index first
        members.sort((a, b) -> Integer.compare(a.number(), b.number()));
    }

    /** "catalog", "cart", ..., "storefront" for the root WAR. */
    static String serviceName(Service service) {
        return service.configName().isEmpty() ? "storefront" : service.configName();
    }

    /**
     * Parses "catalog=2,cart=2" (MERCATO_CLUSTER_REPLICAS): instances per service, 1 for a service not named.
     *
     * @throws IllegalArgumentException for an unknown service or a count outside 1..8
     */
    static Map<String, Integer> parseReplicas(String text, List<Service> services) {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        List<String> known = services.stream().map(ClusterPlatform::serviceName).toList();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.strip().split("=");
            String name = pair[0].strip().toLowerCase(Locale.ROOT);
            if (pair.length != 2 || !known.contains(name)) {
                throw new IllegalArgumentException("MERCATO_CLUSTER_REPLICAS: '" + part.strip()
                        + "' is not service=count with a service of " + known);
            }
            int count;
            try {
                count = Integer.parseInt(pair[1].strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > 8) {
                throw new IllegalArgumentException("MERCATO_CLUSTER_REPLICAS: " + name + " needs 1 to 8 instances, not "
                        + pair[1].strip());
            }
            replicas.put(name, count);
        }
        return replicas;
    }

    /**
     * Starts the whole cluster and returns once every instance is ready and the gateway answers; on failure, stops
     * what had started.
     *
     * @param jvmOptions added to every Payara instance's JVM
     * @param console where progress lines for the operator go
     * @param created told of the cluster before anything starts (e.g. to stop it if this JVM is asked to stop)
     */
    static ClusterPlatform start(Settings settings, Map<String, Integer> replicas, Optional<Integer> internalPort,
            Map<String, String> rates, List<String> jvmOptions, Map<String, String> extraEnvironment,
            Path openSearchDistribution,
            Path artemisDistribution, Consumer<String> console, Consumer<ClusterPlatform> created) throws Exception {
        settings.checkInstalled();
        Files.createDirectories(settings.dataDir());
        if (Ports.inUse(settings.httpPort())) {
            throw new IllegalStateException("port " + settings.httpPort()
                    + " is in use: stop what uses it or set MERCATO_HTTP_PORT");
        }
        ClusterPlatform cluster = new ClusterPlatform(settings, replicas, internalPort.orElseGet(Ports::free), rates,
                jvmOptions, extraEnvironment, console);
        created.accept(cluster);
        try {
            cluster.startAll(openSearchDistribution, artemisDistribution);
            return cluster;
        } catch (Exception | Error e) {
            cluster.state.set("phase", "failed").set("message", String.valueOf(e.getMessage()));
            cluster.saveState();
            cluster.close();
            cluster.state.set("phase", "failed").set("message", String.valueOf(e.getMessage()));
            cluster.saveState();
            throw e;
        }
    }

    private void startAll(Path openSearchDistribution, Path artemisDistribution) throws Exception {
        long started = System.nanoTime();
        state.set("phase", "starting").set("supervisor.pid", Long.toString(ProcessHandle.current().pid()))
                .set("gateway.url", "http://localhost:" + settings.httpPort() + "/")
                .set("gateway.internal-url", internalUrl());
        saveState();

        database = EmbeddedDatabase.start(directory.resolve("postgres"), settings.databasePort(), settings.services());
        record("postgres", "postgres", database.postmasterPid(), "postgresql://127.0.0.1:" + database.port(),
                "tcp:" + database.port(), directory.resolve("postgres/log").toString());
        progress("PostgreSQL ready on 127.0.0.1:" + database.port(), started);

        mail = EmbeddedMailServer.start(directory.resolve("mail"), Ports.free());
        record("mail", "smtp", ProcessHandle.current().pid(), "smtp://127.0.0.1:" + mail.port(), "tcp:" + mail.port(),
                directory.resolve("mail").toString());

        int primaryPort = settings.brokerPort().orElseGet(Ports::free);
        brokers = spawn(() -> ArtemisPair.start(artemisDistribution, directory.resolve("artemis"), primaryPort,
                Ports.free()));
        recordBroker(brokers.primary());
        recordBroker(brokers.backup());
        progress("Artemis primary on 127.0.0.1:" + brokers.primary().port + ", backup on 127.0.0.1:"
                + brokers.backup().port + " (replicating)", started);

        search = spawn(() -> OpenSearchNode.start(openSearchDistribution, Ports.free(), "mercato-cluster"));
        record("opensearch", "opensearch", search.pid(), search.uri().toString(),
                search.uri() + "/_cluster/health", "");
        progress("OpenSearch ready on " + search.uri(), started);

        startInstances(started);

        gatewayValues = Gateway.values(directory.resolve("gateway"), settings.httpPort(), internalPort,
                upstreams(), rates);
        gateway = spawn(() -> Gateway.start(directory.resolve("gateway"), gatewayValues));
        recordGateway();
        awaitGateway(Duration.ofSeconds(60));
        progress("Gateway (NGINX) on http://localhost:" + settings.httpPort() + "/", started);
        state.set("phase", "ready").set("message", "ready after "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        saveState();
    }

    /** Every member, a few at a time; a service's second instance only once its first is ready. */
    private void startInstances(long started) throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(PARALLEL_STARTS);
        try {
            List<Future<?>> pending = new ArrayList<>();
            boolean firstWave = true;
            for (Member member : members) {
                if (member.number() > 1 && firstWave) {
                    firstWave = false;
                    // wait for the first wave: catalog-1 seeds and indexes, a second catalog must find that done
                    awaitAll(pending);
                    pending.clear();
                }
                pending.add(starts.submit(() -> {
                    startInstance(member);
                    progress(member.name() + " ready on http://127.0.0.1:" + member.httpPort()
                            + contextPath(member.service()), started);
                    return null;
                }));
            }
            awaitAll(pending);
        } finally {
            starts.shutdownNow();
        }
    }

    private static void awaitAll(List<Future<?>> pending) throws Exception {
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private void startInstance(Member member) throws Exception {
        List<Integer> grid = members.stream().map(Member::gridPort).toList();
        PayaraProcess.Instance instance = new PayaraProcess.Instance(member.name(), member.httpPort(),
                List.of(member.service()), grid, member.gridPort(), heap(member.service()), jvmOptions);
        for (int attempt = 1;; attempt++) {
            PayaraProcess payara = spawn(() -> PayaraProcess.start(settings, instance, environment(member),
                    this::notice));
            instances.put(member.name(), payara);
            recordMember(member);
            try {
                payara.awaitReady(member.httpPort(), List.of(member.service()), INSTANCE_READY);
                recordMember(member);
                return;
            } catch (PayaraProcess.BootFailure bootFailure) {
                // Payara Micro 6 sometimes dies in its own start-up (an HK2 race) and then hangs: boot it again
                payara.close();
                if (attempt == 3) {
                    throw bootFailure;
                }
                LOG.warning(() -> member.name() + " failed to boot; starting it again. Payara said:\n"
                        + payara.startupError());
            } catch (RuntimeException | InterruptedException e) {
                payara.close();
                throw e;
            }
        }
    }

    private static String heap(Service service) {
        // the admin console (Faces, PrimeFaces) and the catalog (search, pictures) need the most
        return switch (service.configName()) {
            case "catalog", "admin" -> "512m";
            default -> "320m";
        };
    }

    /** The environment of one instance: the platform's common settings, plus what cluster mode changes. */
    Map<String, String> environment(Member member) {
        Map<String, String> env = new ServiceEnvironment("cluster", database.port(), database.passwords(),
                brokers.addresses(), true, internalUrl(), settings.adminEmail(), settings.adminPassword(),
                ordersServiceSecret, mail.port()).forInstance(List.of(member.service()), settings.services());
        // the gateway forwards the shopper's address: the services' own limits count shoppers, not the gateway
        env.put("MERCATO_HTTP_TRUSTED_PROXIES", "127.0.0.1/32");
        env.put("MERCATO_SHOP_BASE_URL", "http://localhost:" + settings.httpPort());
        // one search index for every catalog instance, pictures in one folder (a shared volume in Swarm)
        env.put("MERCATO_CATALOG_SEARCH_BACKEND", "elasticsearch");
        env.put("MERCATO_CATALOG_SEARCH_HOSTS", search.hosts());
        env.put("MERCATO_CATALOG_IMAGE_DIR", directory.resolve("catalog-images").toString());
        env.put("MERCATO_CATALOG_INDEX_DIR", directory.resolve("catalog-index-" + member.name()).toString());
        // the console's dashboard reads each service's readiness through the gateway (one instance has them all
        // only in embedded mode)
        env.put("MERCATO_ADMIN_HEALTH_URLS", String.join(",", settings.services().stream()
                .filter(service -> service.readinessCheck() != null)
                .map(service -> internalUrl() + service.contextRoot() + "/health/ready").toList()));
        env.putAll(extraEnvironment);
        return env;
    }

    private String internalUrl() {
        return "http://127.0.0.1:" + internalPort;
    }

    private static String contextPath(Service service) {
        return service.contextRoot().equals("/") ? "/" : service.contextRoot() + "/";
    }

    /** The gateway's upstream lines by service (USERS, CATALOG, ..., STOREFRONT). */
    private Map<String, String> upstreams() {
        Map<String, String> upstreams = new LinkedHashMap<>();
        java.util.Set<Integer> starting = members.stream().filter(m -> outOfRotation.contains(m.name()))
                .map(Member::httpPort).collect(java.util.stream.Collectors.toSet());
        for (Service service : settings.services()) {
            List<Integer> ports = members.stream().filter(m -> m.service().equals(service)).map(Member::httpPort)
                    .toList();
            upstreams.put(serviceName(service).toUpperCase(Locale.ROOT), Gateway.upstreamServers(ports, starting));
        }
        return upstreams;
    }

    /**
     * Takes an instance out of the gateway's rotation (while it starts again) or puts it back (once ready): the
     * configuration is written again and NGINX reloads it. A service's only instance stays listed (the gateway
     * answers 503 for it anyway while it is down).
     */
    private void rotation(Member member, boolean in) {
        boolean others = members.stream().anyMatch(m -> m.service().equals(member.service()) && m != member);
        if (!others) {
            return;
        }
        if (in) {
            outOfRotation.remove(member.name());
        } else {
            outOfRotation.add(member.name());
        }
        Gateway current = gateway;
        if (current == null || gatewayValues == null) {
            return;
        }
        gatewayValues = Gateway.values(directory.resolve("gateway"), settings.httpPort(), internalPort, upstreams(),
                rates);
        try {
            current.reload(gatewayValues);
            LOG.info(() -> member.name() + (in ? " is back in" : " is out of") + " the gateway's rotation");
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "The gateway did not take the new rotation: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitGateway(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ClusterCommand.httpStatus("http://127.0.0.1:" + settings.httpPort() + "/users/api/jwks") == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the gateway does not answer on port " + settings.httpPort()
                + "; see " + directory.resolve("gateway/logs"));
    }

    /**
     * Watches every child until {@link #close()}: one that died is started again on its ports (in the background,
     * so the others are still watched), and the state file says so.
     */
    void supervise() throws InterruptedException {
        while (!closing) {
            for (Member member : members) {
                PayaraProcess payara = instances.get(member.name());
                if (payara != null && !payara.isAlive() && restarting.putIfAbsent(member.name(), true) == null) {
                    restart(member.name(), () -> {
                        rotation(member, false);
                        startInstance(member);
                        rotation(member, true);
                    });
                } else if (payara != null && payara.isAlive()) {
                    recordMember(member);
                }
            }
            for (ArtemisPair.Broker broker : List.of(brokers.primary(), brokers.backup())) {
                if (!broker.isAlive() && restarting.putIfAbsent(broker.name, true) == null) {
                    restart(broker.name, () -> {
                        spawn(() -> {
                            brokers.start(broker);
                            return null;
                        });
                        recordBroker(broker);
                    });
                }
            }
            Gateway current = gateway;
            if (current != null && !current.isAlive() && restarting.putIfAbsent("gateway", true) == null) {
                restart("gateway", () -> {
                    gateway = spawn(() -> Gateway.start(directory.resolve("gateway"), gatewayValues));
                    recordGateway();
                });
            }
            Thread.sleep(1000);
        }
    }

    private interface Restart {
        void run() throws Exception;
    }

    /** Runs {@code start} (which starts a child process) on the spawner thread and returns what it returns. */
    private <T> T spawn(java.util.concurrent.Callable<T> start) throws Exception {
        try {
            return spawner.submit(start).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void restart(String name, Restart action) {
        if (closing) {
            return;
        }
        int count = restarts.merge(name, 1, Integer::sum);
        console.accept("!!! " + name + " stopped unexpectedly; starting it again (restart " + count + ")");
        restarter.execute(() -> {
            try {
                if (!closing) {
                    action.run();
                    console.accept("    " + name + " is back");
                }
            } catch (Exception e) {
                LOG.log(Level.SEVERE, name + " did not start again", e);
                console.accept("!!! " + name + " did not start again: " + e.getMessage());
            } finally {
                restarting.remove(name);
                saveState();
            }
        });
    }

    private void record(String name, String kind, long pid, String url, String health, String log) {
        state.put(new ClusterState.Entry(name, kind, pid, url, health, log, restarts.getOrDefault(name, 0), 0));
        saveState();
    }

    private void recordMember(Member member) {
        PayaraProcess payara = instances.get(member.name());
        if (payara == null) {
            return;
        }
        String base = "http://127.0.0.1:" + member.httpPort();
        ClusterState.Entry entry = new ClusterState.Entry(member.name(), "payara", payara.pid(),
                base + contextPath(member.service()), base + "/health/ready", payara.logFile().toString(),
                restarts.getOrDefault(member.name(), 0), payara.gridSize());
        if (!entry.equals(state.process(member.name()).orElse(null))) {
            state.put(entry);
            saveState();
        }
    }

    private void recordBroker(ArtemisPair.Broker broker) {
        // a backup that replicates opens its port to clients only once it takes over: running is its health
        record(broker.name, broker.backup ? "artemis-backup" : "artemis-primary", broker.pid(),
                "tcp://127.0.0.1:" + broker.port, broker.backup ? "running" : "tcp:" + broker.port,
                broker.log().toString());
    }

    private void recordGateway() {
        Gateway current = gateway;
        record("gateway", "nginx", current.pid(), "http://localhost:" + settings.httpPort() + "/",
                "http://127.0.0.1:" + settings.httpPort() + "/users/api/jwks",
                current.prefix().resolve("logs/access.json").toString());
    }

    private void saveState() {
        try {
            state.save();
        } catch (IOException e) {
            LOG.warning(() -> "Could not write " + state.file() + ": " + e.getMessage());
        }
    }

    private void progress(String line, long started) {
        console.accept(String.format("[%4d s] %s", Duration.ofNanos(System.nanoTime() - started).toSeconds(), line));
    }

    private void notice(String line) {
        Launcher.consoleLines(line, settings.adminEmail(), null).forEach(console);
    }

    /** Stops the gateway, every instance (in parallel), OpenSearch, the brokers, the mail catcher, PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        state.set("phase", "stopping");
        saveState();
        restarter.shutdownNow();
        spawner.shutdown();
        if (gateway != null) {
            gateway.close();
        }
        List<Thread> stops = new ArrayList<>();
        for (PayaraProcess payara : instances.values()) {
            Thread stop = new Thread(() -> {
                try {
                    payara.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stop.start();
            stops.add(stop);
        }
        for (Thread stop : stops) {
            try {
                stop.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (search != null) {
            search.close();
        }
        if (brokers != null) {
            brokers.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (database != null) {
            try {
                database.close();
            } catch (Exception e) {
                LOG.warning(() -> "PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        state.set("phase", "stopped");
        saveState();
    }
}
