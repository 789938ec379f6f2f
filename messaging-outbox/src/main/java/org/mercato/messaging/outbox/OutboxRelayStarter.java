package org.mercato.messaging.outbox;

import java.time.Duration;
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
import org.eclipse.microprofile.metrics.MetricUnits;
import org.mercato.messaging.Repeating;
import org.mercato.platform.metrics.ShopMetrics;

/**
 * Starts the service's outbox relay (and its hourly housekeeping) once its database is migrated, and stops them
 * with the application. Every service that includes this jar publishes its outbox.
 * <p>
 * The backlog is read every 15 s and exported as gauges ({@code mercato_outbox_pending},
 * {@code mercato_outbox_retrying}, {@code mercato_outbox_oldest_pending_seconds}), so a scrape never queries the
 * database; the alert rules watch them.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelayStarter {

    private static final Logger LOG = Logger.getLogger(OutboxRelayStarter.class.getName());

    @Inject
    OutboxRelayService relay;

    @Inject
    ShopMetrics metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "mercato.service.name", defaultValue = "service")
    String service;

    @Inject
    @ConfigProperty(name = "mercato.outbox.interval-ms", defaultValue = "500")
    long intervalMillis;

    private OutboxRelayLoop loop;
    private Repeating housekeeping;
    private Repeating backlogReader;
    private volatile OutboxRelay.Backlog backlog = new OutboxRelay.Backlog(0, 0, null);

    @PostConstruct
    void start() {
        loop = new OutboxRelayLoop(scheduler, relay::relayOnce, OutboxRelayService.BATCH,
                Duration.ofMillis(intervalMillis), service).start();
        housekeeping = Repeating.start(scheduler, service + ": purging the outbox", Duration.ofMinutes(1),
                Duration.ofMinutes(60), this::purge);
        metrics.gauge("mercato.outbox.pending", "Events in this service's outbox not yet published",
                MetricUnits.NONE, () -> backlog.pending());
        metrics.gauge("mercato.outbox.retrying", "Of those, events whose publication failed at least once",
                MetricUnits.NONE, () -> backlog.retrying());
        metrics.gauge("mercato.outbox.oldest.pending", "Age of the oldest event not yet published (0 when none)",
                MetricUnits.SECONDS, () -> backlog.oldestPendingSeconds() == null
                        ? 0
                        : backlog
                                .oldestPendingSeconds());
        // the database away: the gauges keep their last values, the readiness check says why
        backlogReader = Repeating.start(scheduler, service + ": reading the outbox's backlog", Duration.ofSeconds(5),
                Duration.ofSeconds(15), () -> backlog = relay.backlog());
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
            housekeeping.close();
        }
        if (backlogReader != null) {
            backlogReader.close();
        }
    }
}
