package org.mercato.notification.infrastructure;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/** Readiness of the notifications database, which web.xml declares and only this service uses. */
@Readiness
@ApplicationScoped
public class NotificationsDatabaseCheck extends DatabaseReadinessCheck {

    @Resource(lookup = ServiceDatabase.JNDI_NAME)
    DataSource dataSource;

    public NotificationsDatabaseCheck() {
        super("notifications-database");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
