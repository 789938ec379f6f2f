package org.mercato.catalog.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/**
 * The catalog database, owned by this service alone. Overridden by MERCATO_DB_HOST, MERCATO_DB_PORT,
 * MERCATO_CATALOG_DB_NAME, MERCATO_CATALOG_DB_USER and MERCATO_CATALOG_DB_PASSWORD.
 */
@DataSourceDefinition(name = ServiceDatabase.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource", url = "jdbc:postgresql://${MPCONFIG=mercato.db.host:localhost}:${MPCONFIG=mercato.db.port:5432}/"
        + "${MPCONFIG=mercato.catalog.db.name:catalog}", user = "${MPCONFIG=mercato.catalog.db.user:catalog}", password = "${MPCONFIG=mercato.catalog.db.password:catalog}", minPoolSize = 1, maxPoolSize = 20)
@Readiness
@ApplicationScoped
public class CatalogDatabase extends DatabaseReadinessCheck {

    public CatalogDatabase() {
        super("catalog-database");
    }
}
