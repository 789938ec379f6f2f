package org.mercato.notification.infrastructure;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.notification.application.EmailDispatcher;
import org.mercato.notification.application.NewEmailSignal;

/**
 * Sends queued emails ({@link DispatchLoop}: every {@code mercato.mail.dispatch-interval-ms}, default a second, and
 * right after each transaction that queued one), so a confirmation leaves within moments of the order. An outage
 * of the SMTP server is logged when it starts and when it ends.
 */
@ApplicationScoped
public class EmailDispatchLoop extends DispatchLoop implements NewEmailSignal {

    private static final Logger LOG = Logger.getLogger(EmailDispatchLoop.class.getName());

    @Inject
    EmailDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "mercato.mail.dispatch-interval-ms", defaultValue = "1000")
    long intervalMillis;

    private final AtomicBoolean smtpDown = new AtomicBoolean();

    @Override
    String name() {
        return "Email";
    }

    @Override
    long intervalMillis() {
        return intervalMillis;
    }

    @Override
    public void emailQueued() {
        queued();
    }

    @Override
    boolean dispatchBatch() {
        EmailDispatcher.Pass pass = dispatcher.dispatchDue();
        report(pass);
        return pass.claimed() == EmailDispatcher.BATCH && pass.serverProblem() == null;
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
