package org.mercato.platform.persistence;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import jakarta.inject.Inject;

/**
 * Migrates the service's own database with Flyway while the application starts, before it takes any request.
 * Services without a database (cart) simply declare none. A startup EJB, not a CDI observer: only inside a
 * component invocation can Payara resolve the java:app name of the data source.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {

    private static final String OUTBOX_MIGRATIONS = "org/mercato/messaging/outbox/migration";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());
    /** Opened once this service's schema is in place (one per WAR: each WAR has its own copy of this class). */
    private static final CountDownLatch MIGRATED = new CountDownLatch(1);

    @Inject
    @ConfigProperty(name = "mercato.service.name", defaultValue = "service")
    String serviceName;

    @PostConstruct
    void onStart() {
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(ServiceDatabase.JNDI_NAME);
        } catch (NamingException noDatabase) {
            LOG.info(() -> serviceName + ": no database declared, nothing to migrate");
            MIGRATED.countDown();
            return;
        }
        migrate(dataSource, Thread.currentThread().getContextClassLoader(), serviceName);
    }

    /** Also used by repository tests, against the same migrations as production. */
    public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader, String serviceName) {
        MigrateResult result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(false)
                .load()
                .migrate();
        LOG.info(() -> serviceName + ": database schema at version "
                + (result.targetSchemaVersion == null ? "(none)" : result.targetSchemaVersion) + ", "
                + result.migrationsExecuted + " migration(s) applied");
        // the platform's idempotency-key table, versioned apart from the service's own schema
        Flyway.configure(classLoader).dataSource(dataSource)
                .locations("classpath:org/mercato/platform/idempotency/migration")
                .table("platform_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
        if (classLoader.getResource(OUTBOX_MIGRATIONS + "/V1__outbox.sql") != null) {
            // the messaging jar brings its outbox table, versioned apart from the service's own schema
            MigrateResult outbox = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations("classpath:" + OUTBOX_MIGRATIONS)
                    .table("outbox_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info(() -> serviceName + ": outbox schema at version " + outbox.targetSchemaVersion);
        }
        MIGRATED.countDown();
        return result;
    }

    /**
     * Waits until the schema is in place. Payara may hand a message-driven bean its first messages before the
     * start-up beans have run; a consumer calls this first, so a message never meets a table that does not exist
     * yet.
     *
     * @throws IllegalStateException if the schema is still not there after the wait (the message is redelivered)
     */
    public static void awaitMigrated(Duration wait) {
        try {
            if (!MIGRATED.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the database schema is not migrated yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database schema", e);
        }
    }
}
