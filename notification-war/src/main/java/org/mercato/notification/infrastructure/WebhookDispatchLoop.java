package org.mercato.notification.infrastructure;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.mercato.notification.application.NewDeliverySignal;
import org.mercato.notification.application.WebhookDispatcher;
import org.mercato.notification.application.WebhookSettings;

/**
 * Runs webhook deliveries every second ({@code mercato.webhooks.dispatch-interval-ms}) and right after each
 * transaction that queued or replayed one commits, like {@link EmailDispatchLoop}. A pass claims a batch, POSTs
 * its deliveries side by side (one slow receiver does not hold up the others beyond the timeout) and records each
 * outcome; it goes on while batches come full. Passes may overlap (a tick and a nudge, or other instances): the
 * leases keep them apart. A database outage is logged when it starts and when it ends.
 */
@ApplicationScoped
public class WebhookDispatchLoop implements NewDeliverySignal {

    private static final Logger LOG = Logger.getLogger(WebhookDispatchLoop.class.getName());

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile ScheduledFuture<?> ticks;

    public void start() {
        long interval = settings.dispatchInterval().toMillis();
        ticks = scheduler.scheduleWithFixedDelay(this::dispatch, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Webhook dispatcher started: every " + interval + " ms and after each queued delivery");
    }

    public void stop() {
        ScheduledFuture<?> scheduled = ticks;
        ticks = null;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    @Override
    public void deliveriesQueued() {
        if (transactions.getTransactionKey() == null) {
            nudge();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before: the deliveries are not visible to the dispatcher until they commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    nudge();
                }
            }
        });
    }

    /** One extra pass soon; a burst of events asks for only one. */
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
            int claimed;
            do {
                claimed = pass();
            } while (claimed == WebhookDispatcher.BATCH && ticks != null);
            if (failing.compareAndSet(true, false)) {
                LOG.info("Webhook dispatching works again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Webhook dispatching failed (is the database down?); deliveries wait and are"
                        + " tried again every " + settings.dispatchInterval().toMillis() + " ms", e);
            }
        }
    }

    /** Claims, sends and records one batch; returns how many were claimed. */
    private int pass() {
        List<WebhookDispatcher.Job> jobs = dispatcher.claimDue();
        List<CompletableFuture<WebhookDispatcher.Sent>> sending = jobs.stream().map(dispatcher::send).toList();
        RuntimeException firstFailure = null;
        for (CompletableFuture<WebhookDispatcher.Sent> sent : sending) {
            try {
                dispatcher.record(sent.join());
            } catch (RuntimeException e) {
                // the lease runs out and the delivery is tried again; the others are still recorded
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return jobs.size();
    }
}
