package org.mercato.catalog.infrastructure.events;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.mercato.messaging.outbox.OutboxRelayLoop;

/** Starts the catalog's outbox relay with the application and stops it with it. */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogEventRelayStarter {

    @Inject
    CatalogEventRelay relay;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private OutboxRelayLoop loop;

    @PostConstruct
    void start() {
        loop = new OutboxRelayLoop(scheduler, relay::relayOnce, CatalogEventRelay.BATCH, Duration.ofMillis(500),
                "catalog").start();
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.close();
        }
    }
}
