package org.mercato.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a service's outbox relay pass again and again on a (managed) scheduler: right away while a pass fills its
 * batch, every {@code interval} when idle, and backing off up to 30 s while passes fail (broker down). Logs the
 * start and the end of an outage once each, not every failed pass.
 */
public final class OutboxRelayLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelayLoop.class.getName());
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final ScheduledExecutorService scheduler;
    private final Supplier<OutboxRelay.Pass> pass;
    private final int batch;
    private final Duration interval;
    private final String service;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> next;
    private Duration failurePause = Duration.ZERO;

    /**
     * @param pass one relay pass in its own transaction, sending at most {@code batch} events
     */
    public OutboxRelayLoop(ScheduledExecutorService scheduler, Supplier<OutboxRelay.Pass> pass, int batch,
            Duration interval, String service) {
        this.scheduler = scheduler;
        this.pass = pass;
        this.batch = batch;
        this.interval = interval;
        this.service = service;
    }

    public OutboxRelayLoop start() {
        LOG.info(() -> service + ": outbox relay started");
        schedule(Duration.ZERO);
        return this;
    }

    private void schedule(Duration delay) {
        if (!stopped) {
            next = scheduler.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runOnce() {
        Duration delay;
        try {
            OutboxRelay.Pass result = pass.get();
            if (result.failed()) {
                delay = failed(result.error());
            } else {
                recovered();
                delay = result.sent() >= batch ? Duration.ZERO : interval;
            }
        } catch (RuntimeException e) {
            delay = failed(e.toString());
        }
        schedule(delay);
    }

    private Duration failed(String error) {
        if (failurePause.isZero()) {
            LOG.log(Level.WARNING, () -> service + ": cannot publish events (" + error
                    + "); they wait in the outbox and are retried with back-off");
            failurePause = Duration.ofSeconds(1);
        } else {
            failurePause = failurePause.multipliedBy(2).compareTo(MAX_PAUSE) > 0
                    ? MAX_PAUSE
                    : failurePause.multipliedBy(2);
        }
        return failurePause;
    }

    private void recovered() {
        if (!failurePause.isZero()) {
            LOG.info(() -> service + ": publishing events again");
            failurePause = Duration.ZERO;
        }
    }

    @Override
    public void close() {
        stopped = true;
        ScheduledFuture<?> scheduled = next;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
