package org.mercato.notification.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Starts the email and webhook dispatchers once the database is migrated, and stops them with the application. */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DispatchStarter {

    @Inject
    EmailDispatchLoop emails;

    @Inject
    WebhookDispatchLoop webhooks;

    @PostConstruct
    void start() {
        emails.start();
        webhooks.start();
    }

    @PreDestroy
    void stop() {
        webhooks.stop();
        emails.stop();
    }
}
