package org.mercato.fulfillment.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/**
 * The fulfillment database, owned by this service alone. Overridden by MERCATO_DB_HOST, MERCATO_DB_PORT,
 * MERCATO_FULFILLMENT_DB_NAME, MERCATO_FULFILLMENT_DB_USER and MERCATO_FULFILLMENT_DB_PASSWORD.
 */
@DataSourceDefinition(name = ServiceDatabase.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource", url = "jdbc:postgresql://${MPCONFIG=mercato.db.host:localhost}:${MPCONFIG=mercato.db.port:5432}/"
        + "${MPCONFIG=mercato.fulfillment.db.name:fulfillment}", user = "${MPCONFIG=mercato.fulfillment.db.user:fulfillment}", password = "${MPCONFIG=mercato.fulfillment.db.password:fulfillment}", minPoolSize = 1, maxPoolSize = 20)
@Readiness
@ApplicationScoped
public class FulfillmentDatabase extends DatabaseReadinessCheck {

    public FulfillmentDatabase() {
        super("fulfillment-database");
    }
}
