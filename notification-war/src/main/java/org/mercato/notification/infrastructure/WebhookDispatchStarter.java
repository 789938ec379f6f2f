package org.mercato.notification.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Starts the webhook dispatcher once the database is migrated, and stops it with the application. */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatchStarter {

    @Inject
    WebhookDispatchLoop loop;

    @PostConstruct
    void start() {
        loop.start();
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }
}
