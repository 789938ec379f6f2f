package org.mercato.notification.infrastructure;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A queue's dispatcher, run on a fixed delay and once more right after each transaction that queued work commits
 * (emails, webhook deliveries): what is queued leaves within moments, and a burst asks for one extra pass only.
 * Passes may overlap (a tick and a nudge, or other instances): the queues' row locks and leases keep them apart. A
 * failing pass (the database down) is logged when the failure starts and when it ends, not at every tick.
 */
abstract class DispatchLoop {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile ScheduledFuture<?> ticks;

    /** What is dispatched, for the log: "Email", "Webhook". */
    abstract String name();

    /** Milliseconds between two scheduled passes. */
    abstract long intervalMillis();

    /** One batch: claims, sends and records it; true when another batch should follow at once. */
    abstract boolean dispatchBatch();

    public void start() {
        long interval = intervalMillis();
        ticks = scheduler.scheduleWithFixedDelay(this::dispatch, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> name() + " dispatcher started: every " + interval + " ms and after each commit that queues");
    }

    public void stop() {
        ScheduledFuture<?> scheduled = ticks;
        ticks = null;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    boolean running() {
        return ticks != null;
    }

    /** Work was queued in the current transaction (if any): one extra pass once it commits. */
    void queued() {
        if (transactions.getTransactionKey() == null) {
            nudge();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before: the queued rows are not visible to the dispatcher until they commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    nudge();
                }
            }
        });
    }

    private void nudge() {
        if (ticks != null && nudged.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    nudged.set(false);
                    dispatch();
                });
            } catch (RuntimeException shuttingDown) {
                nudged.set(false);
            }
        }
    }

    private void dispatch() {
        try {
            while (dispatchBatch() && running()) {
                // full batches: more is due
            }
            if (failing.compareAndSet(true, false)) {
                LOG.info(() -> name() + " dispatching works again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, name() + " dispatching failed (is the database down?); the queue waits and"
                        + " is tried again every " + intervalMillis() + " ms", e);
            }
        }
    }
}
