package org.mercato.notification.infrastructure;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mercato.notification.application.NewDeliverySignal;
import org.mercato.notification.application.WebhookDispatcher;
import org.mercato.notification.application.WebhookSettings;

/**
 * Runs webhook deliveries ({@link DispatchLoop}: every {@code mercato.webhooks.dispatch-interval-ms} and right after
 * each transaction that queued or replayed one commits). A batch's deliveries are POSTed side by side (one slow
 * receiver does not hold up the others beyond the timeout) and each outcome is recorded; passes go on while
 * batches come full. The deliveries' leases keep overlapping passes apart.
 */
@ApplicationScoped
public class WebhookDispatchLoop extends DispatchLoop implements NewDeliverySignal {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookSettings settings;

    @Override
    String name() {
        return "Webhook";
    }

    @Override
    long intervalMillis() {
        return settings.dispatchInterval().toMillis();
    }

    @Override
    public void deliveriesQueued() {
        queued();
    }

    /** Claims, sends and records one batch; true when it was full. */
    @Override
    boolean dispatchBatch() {
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
        return jobs.size() == WebhookDispatcher.BATCH;
    }
}
