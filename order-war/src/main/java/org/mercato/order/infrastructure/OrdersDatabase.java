package org.mercato.order.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/**
 * The orders database, owned by this service alone. Overridden by MERCATO_DB_HOST, MERCATO_DB_PORT,
 * MERCATO_ORDERS_DB_NAME, MERCATO_ORDERS_DB_USER and MERCATO_ORDERS_DB_PASSWORD.
 */
@DataSourceDefinition(name = ServiceDatabase.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource", url = "jdbc:postgresql://${MPCONFIG=mercato.db.host:localhost}:${MPCONFIG=mercato.db.port:5432}/"
        + "${MPCONFIG=mercato.orders.db.name:orders}", user = "${MPCONFIG=mercato.orders.db.user:orders}", password = "${MPCONFIG=mercato.orders.db.password:orders}", minPoolSize = 1, maxPoolSize = 20)
@Readiness
@ApplicationScoped
public class OrdersDatabase extends DatabaseReadinessCheck {

    public OrdersDatabase() {
        super("orders-database");
    }
}
