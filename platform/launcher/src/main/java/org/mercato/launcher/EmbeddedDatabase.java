package org.mercato.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 from Maven Central's binaries, its data kept under the data directory. Each service gets
 * its own database and login; the passwords are new at every start (ALTER ROLE), so none is ever stored.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    static EmbeddedDatabase start(Path directory, Optional<Integer> port, List<Service> services)
            throws IOException, SQLException {
        Files.createDirectories(directory.getParent());
        stopStalePostmaster(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port.orElseGet(Ports::free))
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's defaults favour test speed; a shop's data must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory);
        database.createServiceDatabases(services);
        return database;
    }

    /** The postmaster's process id (pg_ctl detaches it from this JVM), -1 when it cannot be read. */
    long postmasterPid() {
        try {
            java.util.List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** database name -> this start's password for the login of the same name */
    Map<String, String> passwords() {
        return Map.copyOf(passwords);
    }

    private void createServiceDatabases(List<Service> services) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            for (Service service : services) {
                if (!service.hasDatabase()) {
                    continue;
                }
                String name = service.database();
                String password = newPassword();
                boolean roleExists = exists(admin, "select 1 from pg_roles where rolname = ?", name);
                try (Statement sql = admin.createStatement()) {
                    // names come from our own fixed list, never from input
                    sql.execute((roleExists ? "alter role " : "create role ") + name + " login password '"
                            + password + "'");
                    if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
                        sql.execute("create database " + name + " owner " + name);
                        LOG.info(() -> "Created database " + name);
                    }
                    // one database per service: no service can connect to another's
                    sql.execute("revoke connect on database " + name + " from public");
                    sql.execute("grant connect on database " + name + " to " + name);
                }
                passwords.put(name, password);
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }

    /**
     * pg_ctl detaches postgres from us, so a launcher killed with -9 leaves a postmaster running that holds the
     * data directory; stop it before starting again.
     */
    static void stopStalePostmaster(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> stale = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (stale.isPresent()) {
            LOG.warning(() -> "Stopping a PostgreSQL (pid " + pid + ") left running by an earlier launcher");
            stale.get().destroy();
            try {
                stale.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                stale.get().destroyForcibly();
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
