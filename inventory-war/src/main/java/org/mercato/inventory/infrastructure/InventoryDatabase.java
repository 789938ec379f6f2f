package org.mercato.inventory.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/**
 * The inventory database, owned by this service alone. Overridden by MERCATO_DB_HOST, MERCATO_DB_PORT,
 * MERCATO_INVENTORY_DB_NAME, MERCATO_INVENTORY_DB_USER and MERCATO_INVENTORY_DB_PASSWORD.
 */
@DataSourceDefinition(name = ServiceDatabase.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource", url = "jdbc:postgresql://${MPCONFIG=mercato.db.host:localhost}:${MPCONFIG=mercato.db.port:5432}/"
        + "${MPCONFIG=mercato.inventory.db.name:inventory}", user = "${MPCONFIG=mercato.inventory.db.user:inventory}", password = "${MPCONFIG=mercato.inventory.db.password:inventory}", minPoolSize = 1, maxPoolSize = 20)
@Readiness
@ApplicationScoped
public class InventoryDatabase extends DatabaseReadinessCheck {

    public InventoryDatabase() {
        super("inventory-database");
    }
}
