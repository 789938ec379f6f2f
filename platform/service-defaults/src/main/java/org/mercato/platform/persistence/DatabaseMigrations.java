package org.mercato.platform.persistence;

import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Migrates the service's own database with Flyway while the application starts, before it takes any request.
 * Services without a database (cart) simply declare none.
 */
@ApplicationScoped
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Inject
    @ConfigProperty(name = "mercato.service.name", defaultValue = "service")
    String serviceName;

    /** Runs before any application observer of the start event, so they find the schema migrated. */
    void onStart(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(ServiceDatabase.JNDI_NAME);
        } catch (NamingException noDatabase) {
            LOG.info(() -> serviceName + ": no database declared, nothing to migrate");
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
        return result;
    }
}
