package org.mercato.notification.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/**
 * The notifications database, owned by this service alone. Overridden by MERCATO_DB_HOST, MERCATO_DB_PORT,
 * MERCATO_NOTIFICATIONS_DB_NAME, MERCATO_NOTIFICATIONS_DB_USER and MERCATO_NOTIFICATIONS_DB_PASSWORD.
 */
@DataSourceDefinition(name = ServiceDatabase.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource", url = "jdbc:postgresql://${MPCONFIG=mercato.db.host:localhost}:${MPCONFIG=mercato.db.port:5432}/"
        + "${MPCONFIG=mercato.notifications.db.name:notifications}", user = "${MPCONFIG=mercato.notifications.db.user:notifications}", password = "${MPCONFIG=mercato.notifications.db.password:notifications}", minPoolSize = 1, maxPoolSize = 20)
@Readiness
@ApplicationScoped
public class NotificationsDatabase extends DatabaseReadinessCheck {

    public NotificationsDatabase() {
        super("notifications-database");
    }
}
