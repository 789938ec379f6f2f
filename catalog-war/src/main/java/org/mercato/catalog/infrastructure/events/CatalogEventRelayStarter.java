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

/** Starts the catalog's outbox relay (and its hourly housekeeping) with the application, stops them with it. */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogEventRelayStarter {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger
            .getLogger(CatalogEventRelayStarter.class.getName());

    @Inject
    CatalogEventRelay relay;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private OutboxRelayLoop loop;
    private java.util.concurrent.ScheduledFuture<?> housekeeping;

    @PostConstruct
    void start() {
        loop = new OutboxRelayLoop(scheduler, relay::relayOnce, CatalogEventRelay.BATCH, Duration.ofMillis(500),
                "catalog").start();
        housekeeping = scheduler.scheduleWithFixedDelay(this::purge, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int purged = relay.purgeSent();
            if (purged > 0) {
                LOG.info(() -> "catalog: deleted " + purged + " events sent more than a week ago from the outbox");
            }
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "catalog: could not purge the outbox", e);
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.close();
        }
        if (housekeeping != null) {
            housekeeping.cancel(false);
        }
    }
}
