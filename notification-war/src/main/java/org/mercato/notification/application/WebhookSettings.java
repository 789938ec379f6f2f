package org.mercato.notification.application;

import java.time.Duration;

import org.mercato.notification.domain.RetrySchedule;

/**
 * How webhook deliveries are made (MicroProfile Config, {@code MERCATO_WEBHOOKS_*} in containers; see the
 * module's README): the retry schedule, how long a rotated-out secret keeps signing, the HTTP timeouts (connect,
 * then the whole answer) and the dispatcher's tick.
 */
public record WebhookSettings(RetrySchedule retries, Duration secretGrace, Duration timeout,
        Duration dispatchInterval) {

    /** The defaults: 10 s doubling up to 1 h for 24 h, 24 h grace, 10 s timeouts, a tick every second. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(
                24)), Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    /** The longest one attempt can take (connect plus answer), with a margin: no other dispatcher takes it sooner. */
    public Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(30);
    }
}
