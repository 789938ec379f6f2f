package org.mercato.notification.infrastructure;

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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.notification.application.EmailDispatcher;
import org.mercato.notification.application.NewEmailSignal;

/**
 * Runs the dispatcher every second ({@code mercato.mail.dispatch-interval-ms}) and once right after each
 * transaction that queued an email commits, so a confirmation leaves within moments of the order. Passes may
 * overlap (a tick and a nudge, or other instances): the dispatcher's row locks keep them apart. An outage of the
 * SMTP server or of the database is logged when it starts and when it ends, not at every tick.
 */
@ApplicationScoped
public class EmailDispatchLoop implements NewEmailSignal {

    private static final Logger LOG = Logger.getLogger(EmailDispatchLoop.class.getName());

    @Inject
    EmailDispatcher dispatcher;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "mercato.mail.dispatch-interval-ms", defaultValue = "1000")
    long intervalMillis;

    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicBoolean smtpDown = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile ScheduledFuture<?> ticks;

    public void start() {
        ticks = scheduler.scheduleWithFixedDelay(this::dispatch, intervalMillis, intervalMillis,
                TimeUnit.MILLISECONDS);
        LOG.info(() -> "Email dispatcher started: every " + intervalMillis + " ms and after each queued email");
    }

    public void stop() {
        ScheduledFuture<?> scheduled = ticks;
        ticks = null;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    @Override
    public void emailQueued() {
        if (transactions.getTransactionKey() == null) {
            nudge();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: the email is not visible to the dispatcher until it commits
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
            EmailDispatcher.Pass pass;
            do {
                pass = dispatcher.dispatchDue();
                report(pass);
            } while (pass.claimed() == EmailDispatcher.BATCH && pass.serverProblem() == null);
            if (failing.compareAndSet(true, false)) {
                LOG.info("Email dispatching works again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Email dispatching failed (is the database down?); emails wait and are tried"
                        + " again every " + intervalMillis + " ms", e);
            }
        }
    }

    private void report(EmailDispatcher.Pass pass) {
        if (pass.serverProblem() != null) {
            if (smtpDown.compareAndSet(false, true)) {
                LOG.warning(() -> "Cannot use the SMTP server (" + pass.serverProblem() + "); emails wait and are"
                        + " tried again with back-off, up to every 5 minutes");
            }
        } else if (pass.sent() > 0 && smtpDown.compareAndSet(true, false)) {
            LOG.info("The SMTP server takes emails again");
        }
    }
}
