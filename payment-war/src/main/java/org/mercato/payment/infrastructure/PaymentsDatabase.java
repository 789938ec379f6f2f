package org.mercato.payment.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/**
 * The payments database, owned by this service alone. Overridden by MERCATO_DB_HOST, MERCATO_DB_PORT,
 * MERCATO_PAYMENTS_DB_NAME, MERCATO_PAYMENTS_DB_USER and MERCATO_PAYMENTS_DB_PASSWORD.
 */
@DataSourceDefinition(name = ServiceDatabase.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource", url = "jdbc:postgresql://${MPCONFIG=mercato.db.host:localhost}:${MPCONFIG=mercato.db.port:5432}/"
        + "${MPCONFIG=mercato.payments.db.name:payments}", user = "${MPCONFIG=mercato.payments.db.user:payments}", password = "${MPCONFIG=mercato.payments.db.password:payments}", minPoolSize = 1, maxPoolSize = 20)
@Readiness
@ApplicationScoped
public class PaymentsDatabase extends DatabaseReadinessCheck {

    public PaymentsDatabase() {
        super("payments-database");
    }
}
