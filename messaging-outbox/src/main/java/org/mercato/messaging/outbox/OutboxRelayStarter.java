package org.mercato.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

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

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the service's outbox relay (and its hourly housekeeping) once its database is migrated, and stops them
 * with the application. Every service that includes this jar publishes its outbox.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelayStarter {

    private static final Logger LOG = Logger.getLogger(OutboxRelayStarter.class.getName());

    @Inject
    OutboxRelayService relay;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "mercato.service.name", defaultValue = "service")
    String service;

    @Inject
    @ConfigProperty(name = "mercato.outbox.interval-ms", defaultValue = "500")
    long intervalMillis;

    private OutboxRelayLoop loop;
    private ScheduledFuture<?> housekeeping;

    @PostConstruct
    void start() {
        loop = new OutboxRelayLoop(scheduler, relay::relayOnce, OutboxRelayService.BATCH,
                Duration.ofMillis(intervalMillis), service).start();
        housekeeping = scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int purged = relay.purgeSent();
            if (purged > 0) {
                LOG.info(() -> service + ": deleted " + purged + " events sent more than a week ago from the outbox");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, service + ": could not purge the outbox", e);
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
