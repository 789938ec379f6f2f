package org.mercato.messaging;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work run again and again on a (managed) scheduler, each run scheduling the next one itself, {@code every} after
 * the run ends: Payara's managed scheduler logs a SEVERE "No invocation on invocation stack" after every run of a
 * fixed-delay task submitted from a singleton's {@code @PostConstruct}, and a run that throws would end a
 * fixed-delay task for good. A run that throws is logged (FINE) and the next one still comes. {@link #close()} stops
 * it: no run starts after that.
 */
public final class Repeating implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Repeating.class.getName());

    private final ScheduledExecutorService scheduler;
    private final Runnable work;
    private final Duration every;
    private final String what;
    private volatile ScheduledFuture<?> next;
    private volatile boolean closed;

    private Repeating(ScheduledExecutorService scheduler, Runnable work, Duration every, String what) {
        this.scheduler = scheduler;
        this.work = work;
        this.every = every;
        this.what = what;
    }

    /**
     * Runs {@code work} after {@code first}, then {@code every} after each run ends.
     *
     * @param what names the work in the log, e.g. "orders: reading the outbox's backlog"
     */
    public static Repeating start(ScheduledExecutorService scheduler, String what, Duration first, Duration every,
            Runnable work) {
        Repeating repeating = new Repeating(scheduler, work, every, what);
        repeating.next = scheduler.schedule(repeating::runThenAgain, first.toMillis(), TimeUnit.MILLISECONDS);
        return repeating;
    }

    private void runThenAgain() {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, what + " failed; tried again in " + every.toSeconds() + " s", e);
        }
        if (!closed) {
            next = scheduler.schedule(this::runThenAgain, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
