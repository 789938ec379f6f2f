package org.mercato.platform.testing;

import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.flywaydb.core.api.output.MigrateResult;
import org.mercato.platform.persistence.DatabaseMigrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 (zonky binaries) migrated by the service's own Flyway scripts, with a RESOURCE_LOCAL JPA
 * unit on it: what every service's repository tests need.
 */
public final class PostgresUnit implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final EntityManagerFactory emf;
    private final MigrateResult migration;

    private PostgresUnit(EmbeddedPostgres postgres, EntityManagerFactory emf, MigrateResult migration) {
        this.postgres = postgres;
        this.emf = emf;
        this.migration = migration;
    }

    /** @param persistenceUnit a RESOURCE_LOCAL unit of the service's test persistence.xml */
    public static PostgresUnit start(String persistenceUnit, String serviceName, ClassLoader classLoader)
            throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        MigrateResult migration = DatabaseMigrations.migrate(postgres.getPostgresDatabase(), classLoader,
                serviceName);
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(persistenceUnit, Map.of(
                // as in production: PostgreSQL types the NULLs EclipseLink binds
                "jakarta.persistence.jdbc.url", postgres.getJdbcUrl("postgres", "postgres") + "&stringtype=unspecified",
                "jakarta.persistence.jdbc.user", "postgres",
                "jakarta.persistence.jdbc.password", "postgres",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver"));
        return new PostgresUnit(postgres, emf, migration);
    }

    /** Runs the work in one transaction and commits it (rolled back if the work throws). */
    public void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public EntityManager entityManager() {
        return emf.createEntityManager();
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public MigrateResult migration() {
        return migration;
    }

    /**
     * Waits until some session is seen waiting for a lock in this database ({@code pg_locks}, not granted): the
     * positive marker that a concurrent transaction has reached the lock a test holds.
     *
     * @param lockType only locks of this {@code pg_locks.locktype} ({@code advisory}, {@code transactionid}...), or
     *        null for any
     * @throws AssertionError when none is seen within {@code limit}
     */
    public void awaitLockWaiter(String lockType, java.time.Duration limit) throws java.sql.SQLException,
            InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (java.sql.Connection connection = dataSource().getConnection();
                java.sql.PreparedStatement waiting = connection.prepareStatement("select count(*) from pg_locks"
                        + " where not granted and (cast(? as text) is null or locktype = ?)")) {
            waiting.setString(1, lockType);
            waiting.setString(2, lockType);
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no session waited for a " + (lockType == null ? "" : lockType + " ")
                + "lock within " + limit);
    }

    @Override
    public void close() throws Exception {
        emf.close();
        postgres.close();
    }
}
