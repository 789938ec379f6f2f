package org.mercato.user.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/**
 * The users database. Payara resolves the MPCONFIG placeholders at deployment, before the WAR's own config file
 * is read, so the defaults sit here and the environment (MERCATO_DB_HOST, MERCATO_USERS_DB_PASSWORD, ...)
 * overrides them.
 */
@DataSourceDefinition(name = ServiceDatabase.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource", url = "jdbc:postgresql://${MPCONFIG=mercato.db.host:localhost}:${MPCONFIG=mercato.db.port:5432}/"
        + "${MPCONFIG=mercato.users.db.name:users}", user = "${MPCONFIG=mercato.users.db.user:users}", password = "${MPCONFIG=mercato.users.db.password:users}", minPoolSize = 1, maxPoolSize = 20)
@Readiness
@ApplicationScoped
public class UsersDatabase extends DatabaseReadinessCheck {

    public UsersDatabase() {
        super("users-database");
    }
}
