package org.mercato.payment.infrastructure;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.mercato.payment.application.PaymentProvider;
import org.mercato.platform.money.Money;

/**
 * The provider chosen by configuration ({@code mercato.payments.provider}: {@code sandbox}, the default, or
 * {@code stripe} with {@code mercato.payments.stripe.secret-key}), behind a timeout, a circuit breaker and a retry
 * that only repeats calls carrying the same idempotency key (so a retry never charges twice).
 */
@ApplicationScoped
public class ConfiguredPaymentProvider implements PaymentProvider {

    private static final Logger LOG = Logger.getLogger(ConfiguredPaymentProvider.class.getName());

    @Inject
    @ConfigProperty(name = "mercato.payments.provider", defaultValue = "sandbox")
    String providerName;

    @Inject
    @ConfigProperty(name = "mercato.payments.stripe.url", defaultValue = "https://api.stripe.com")
    String stripeUrl;

    @Inject
    @ConfigProperty(name = "mercato.payments.stripe.secret-key")
    Optional<String> stripeKey;

    private PaymentProvider provider;

    @PostConstruct
    void choose() {
        provider = switch (providerName) {
            case "sandbox" -> new SandboxPaymentProvider();
            case "stripe" -> new StripePaymentProvider(URI.create(stripeUrl), stripeKey.orElseThrow(
                    () -> new IllegalStateException("mercato.payments.stripe.secret-key is needed for Stripe")),
                    Duration.ofSeconds(4));
            default -> throw new IllegalStateException("mercato.payments.provider must be sandbox or stripe, not "
                    + providerName);
        };
        LOG.info(() -> "Payment provider: " + provider.name());
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 100, retryOn = UnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, failOn = UnavailableException.class)
    public Authorization authorize(String key, Money amount, String cardToken, String description) {
        return provider.authorize(key, amount, cardToken, description);
    }

    @Override
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 100, retryOn = UnavailableException.class)
    public void capture(String key, String reference, Money amount) {
        provider.capture(key, reference, amount);
    }

    @Override
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 100, retryOn = UnavailableException.class)
    public String refund(String key, String reference, Money amount) {
        return provider.refund(key, reference, amount);
    }
}
