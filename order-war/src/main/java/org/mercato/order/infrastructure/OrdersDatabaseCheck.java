package org.mercato.order.infrastructure;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.mercato.platform.health.DatabaseReadinessCheck;
import org.mercato.platform.persistence.ServiceDatabase;

/** Readiness of the orders database, which web.xml declares and only this service uses. */
@Readiness
@ApplicationScoped
public class OrdersDatabaseCheck extends DatabaseReadinessCheck {

    @Resource(lookup = ServiceDatabase.JNDI_NAME)
    DataSource dataSource;

    public OrdersDatabaseCheck() {
        super("orders-database");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
