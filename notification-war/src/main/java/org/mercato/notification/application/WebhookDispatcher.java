package org.mercato.notification.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.notification.domain.WebhookAttempt;
import org.mercato.notification.domain.WebhookDelivery;
import org.mercato.notification.domain.WebhookDelivery.AttemptResult;
import org.mercato.notification.domain.WebhookDeliveryStatus;
import org.mercato.notification.domain.WebhookEndpoint;
import org.mercato.notification.domain.WebhookRepository;
import org.mercato.notification.domain.WebhookSignature;
import org.mercato.notification.domain.WebhookUrl;
import org.mercato.platform.metrics.ShopMetrics;

/**
 * Makes the attempts of due webhook deliveries in three steps, so no transaction stays open while a receiver
 * answers: {@link #claimDue} takes a batch under a lease ({@code FOR UPDATE SKIP LOCKED}, so several instances
 * dispatch side by side, one transaction), {@link #send} POSTs one (no transaction), {@link #record} saves its
 * outcome and the attempt (one transaction, only while the lease is still held). A crash between the steps only
 * delays a delivery until its lease runs out: deliveries are at least once, never lost.
 */
@ApplicationScoped
public class WebhookDispatcher {

    public static final int BATCH = 10;
    public static final String EVENT_TYPE_HEADER = "Mercato-Event-Type";
    public static final String EVENT_ID_HEADER = "Mercato-Event-Id";
    public static final String DELIVERY_ID_HEADER = "Mercato-Delivery-Id";
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    /** A claimed delivery, with what its attempt needs (the secrets as they are at the claim). */
    public record Job(UUID deliveryId, UUID lease, UUID endpointId, String url, UUID eventId, String eventType,
            String payload, List<String> secrets) {

        /** Never the secrets. */
        @Override
        public String toString() {
            return "delivery " + deliveryId + " of " + eventType + " " + eventId + " to " + WebhookUrl.forLog(url);
        }
    }

    /** An attempt made: when it started, and what it came to. */
    public record Sent(Job job, Instant attemptedAt, AttemptResult result) {
    }

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookSender sender;

    @Inject
    Clock clock;

    @Inject
    WebhookSettings settings;

    @Inject
    ShopMetrics metrics;

    private RandomGenerator random;

    protected WebhookDispatcher() {
        // for CDI
    }

    public WebhookDispatcher(WebhookRepository webhooks, WebhookSender sender, Clock clock, WebhookSettings settings,
            ShopMetrics metrics, RandomGenerator random) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
        this.random = random;
    }

    /** Claims up to {@value #BATCH} due deliveries for an attempt each, under a lease. */
    @Transactional
    public List<Job> claimDue() {
        Instant now = clock.instant();
        List<Job> jobs = new ArrayList<>();
        Map<UUID, WebhookEndpoint> endpoints = new LinkedHashMap<>();
        for (WebhookDelivery delivery : webhooks.claimDue(now, BATCH)) {
            WebhookEndpoint endpoint = endpoints.computeIfAbsent(delivery.endpointId(), id -> webhooks.endpoint(id)
                    .orElse(null));
            if (endpoint == null) {
                continue; // removed meanwhile: its deliveries go with it
            }
            UUID lease = delivery.claim(now, settings.lease());
            jobs.add(new Job(delivery.id(), lease, endpoint.id(), endpoint.url(), delivery.eventId(), delivery
                    .eventType(), delivery.payload(), endpoint.validSecrets(now)));
        }
        return jobs;
    }

    /** POSTs one claimed delivery, signed at this moment with every valid secret of its endpoint. */
    public CompletableFuture<Sent> send(Job job) {
        Instant attemptedAt = clock.instant();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(EVENT_TYPE_HEADER, job.eventType());
        headers.put(EVENT_ID_HEADER, job.eventId().toString());
        headers.put(DELIVERY_ID_HEADER, job.deliveryId().toString());
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(attemptedAt.getEpochSecond(), job.secrets(), job
                .payload()));
        CompletableFuture<AttemptResult> answer;
        try {
            answer = sender.post(URI.create(job.url()), headers, job.payload());
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(AttemptResult.noAnswer(e.toString(), Duration.ZERO));
        }
        return answer.thenApply(result -> new Sent(job, attemptedAt, result));
    }

    /**
     * Saves an attempt's outcome: the attempt in the log, the delivery DELIVERED, waiting for its next attempt or
     * FAILED.
     *
     * @return the delivery's new status, or empty if the lease was lost (the delivery removed, or replayed and taken
     *         by another attempt): nothing is saved then
     */
    @Transactional
    public Optional<WebhookDeliveryStatus> record(Sent sent) {
        Optional<WebhookDelivery> found = webhooks.lockDelivery(sent.job().deliveryId());
        if (found.isEmpty() || !found.get().holds(sent.job().lease())) {
            LOG.fine(() -> "Outcome of " + sent.job() + " not recorded: the lease was lost");
            return Optional.empty();
        }
        WebhookDelivery delivery = found.get();
        WebhookAttempt attempt = delivery.attempted(sent.result(), sent.attemptedAt(), settings.retries(),
                random == null ? ThreadLocalRandom.current() : random);
        webhooks.addAttempt(attempt);
        WebhookDeliveryStatus status = delivery.status();
        String outcome = switch (status) {
            case DELIVERED -> "delivered";
            case FAILED -> "failed";
            case PENDING -> "retried";
        };
        metrics.count("mercato.webhooks.deliveries", "Webhook delivery attempts, by outcome (delivered; retried"
                + " later; failed for good after the retry window)", "outcome", outcome);
        metrics.time("mercato.webhooks.attempt.duration", "How long webhook receivers took to answer", sent.result()
                .duration());
        if (status == WebhookDeliveryStatus.FAILED) {
            LOG.info(() -> "Gave up " + sent.job() + " after " + delivery.attempts() + " attempts (retry window "
                    + settings.retries().window() + " over): " + delivery.lastError()
                    + "; staff can replay it");
        } else {
            LOG.fine(() -> sent.job() + ": " + outcome + " (" + sent.result() + ")");
        }
        return Optional.of(status);
    }
}
