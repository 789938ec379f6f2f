package org.mercato.platform.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of a service's own database: a round trip with {@code select 1}. A service subclasses it as a
 * {@code @Readiness @ApplicationScoped} bean named after its context root, e.g. {@code catalog-database}, and
 * injects its data source there (an injection point in this shared class would be required by every WAR,
 * including those without a database).
 */
public abstract class DatabaseReadinessCheck implements HealthCheck {

    private final String name;

    protected DatabaseReadinessCheck(String name) {
        this.name = name;
    }

    /** The service's own data source, {@code @Resource(lookup = ServiceDatabase.JNDI_NAME)} in the subclass. */
    protected abstract DataSource dataSource();

    @Override
    public HealthCheckResponse call() {
        long started = System.nanoTime();
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet result = statement.executeQuery("select 1")) {
                result.next();
            }
            return HealthCheckResponse.named(name).up()
                    .withData("roundTripMillis", (System.nanoTime() - started) / 1_000_000).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(name).down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
