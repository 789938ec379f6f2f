package org.mercato.analytics.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/**
 * The analytics database, owned by this service alone. Overridden by MERCATO_DB_HOST, MERCATO_DB_PORT,
 * MERCATO_ANALYTICS_DB_NAME, MERCATO_ANALYTICS_DB_USER and MERCATO_ANALYTICS_DB_PASSWORD.
 */
@DataSourceDefinition(name = ServiceDatabase.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource", url = "jdbc:postgresql://${MPCONFIG=mercato.db.host:localhost}:${MPCONFIG=mercato.db.port:5432}/"
        + "${MPCONFIG=mercato.analytics.db.name:analytics}", user = "${MPCONFIG=mercato.analytics.db.user:analytics}", password = "${MPCONFIG=mercato.analytics.db.password:analytics}", minPoolSize = 1, maxPoolSize = 20)
@Readiness
@ApplicationScoped
public class AnalyticsDatabase extends DatabaseReadinessCheck {

    public AnalyticsDatabase() {
        super("analytics-database");
    }
}
