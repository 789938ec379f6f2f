package org.mercato.notification.infrastructure;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.mercato.notification.application.WebhookSettings;
import org.mercato.notification.domain.RetrySchedule;

/**
 * The webhook settings from MicroProfile Config (in containers from the environment, e.g.
 * {@code MERCATO_WEBHOOKS_RETRY_BASE_SECONDS}); every duration in seconds except the dispatcher's tick.
 */
@ApplicationScoped
public class WebhookSettingsProducer {

    static final String PREFIX = "mercato.webhooks.";
    private static final Logger LOG = Logger.getLogger(WebhookSettingsProducer.class.getName());

    @Inject
    Config config;

    /** One per application, without a proxy (a record is final): {@code @Singleton}, not {@code @ApplicationScoped}. */
    @Produces
    @Singleton
    WebhookSettings settings() {
        WebhookSettings settings = from(config);
        LOG.info(() -> "Webhook deliveries: retried after " + settings.retries().base().toSeconds() + " s, doubling"
                + " up to " + settings.retries().max().toSeconds() + " s, for " + settings.retries().window()
                        .toSeconds()
                + " s; timeouts " + settings.timeout().toSeconds() + " s; a rotated secret signs for "
                + settings.secretGrace().toSeconds() + " s more");
        return settings;
    }

    /** @throws IllegalArgumentException when a value is out of range (the deployment fails, naming it) */
    public static WebhookSettings from(Config config) {
        WebhookSettings defaults = WebhookSettings.defaults();
        Duration base = seconds(config, "retry-base-seconds", defaults.retries().base(), 1);
        Duration max = seconds(config, "retry-max-seconds", defaults.retries().max(), base.toSeconds());
        Duration window = seconds(config, "retry-window-seconds", defaults.retries().window(), 0);
        Duration grace = seconds(config, "secret-grace-seconds", defaults.secretGrace(), 0);
        Duration timeout = seconds(config, "timeout-seconds", defaults.timeout(), 1);
        long tick = config.getOptionalValue(PREFIX + "dispatch-interval-ms", Long.class).orElse(defaults
                .dispatchInterval().toMillis());
        if (tick < 50) {
            throw new IllegalArgumentException(PREFIX + "dispatch-interval-ms must be at least 50");
        }
        return new WebhookSettings(new RetrySchedule(base, max, window), grace, timeout, Duration.ofMillis(tick));
    }

    private static Duration seconds(Config config, String key, Duration fallback, long min) {
        long value = config.getOptionalValue(PREFIX + key, Long.class).orElse(fallback.toSeconds());
        if (value < min) {
            throw new IllegalArgumentException(PREFIX + key + " must be at least " + min + ", not " + value);
        }
        return Duration.ofSeconds(value);
    }
}
