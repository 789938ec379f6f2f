package org.mercato.payment.infrastructure;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.payment.application.PaymentProvider;
import org.mercato.platform.money.Money;

/**
 * The provider chosen by configuration ({@code mercato.payments.provider}: {@code sandbox}, the default, or
 * {@code stripe} with {@code mercato.payments.stripe.secret-key} and {@code mercato.payments.stripe.url}). Each
 * call is bounded by the adapter itself and never retried here: {@code mercato.payments.provider.timeout-millis}
 * (400) for authorize, capture and void, so a charge (at most three calls) fits the order service's 1.5 s;
 * {@code mercato.payments.provider.refund-timeout-millis} (2000) for a refund, inside the order service's 6 s.
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

    @Inject
    @ConfigProperty(name = "mercato.payments.provider.timeout-millis", defaultValue = "400")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "mercato.payments.provider.refund-timeout-millis", defaultValue = "2000")
    long refundTimeoutMillis;

    private PaymentProvider provider;

    @PostConstruct
    void choose() {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        Duration refundTimeout = Duration.ofMillis(refundTimeoutMillis);
        provider = switch (providerName) {
            case "sandbox" -> new SandboxPaymentProvider(timeout);
            case "stripe" -> new StripePaymentProvider(stripeUrl, stripeKey.orElseThrow(
                    () -> new IllegalStateException("mercato.payments.stripe.secret-key is needed for Stripe")),
                    timeout, refundTimeout);
            default -> throw new IllegalStateException("mercato.payments.provider must be sandbox or stripe, not "
                    + providerName);
        };
        LOG.info(() -> "Payment provider: " + provider.name() + ", call timeout " + timeoutMillis + " ms, refund "
                + refundTimeoutMillis + " ms");
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public Authorization authorize(String key, Money amount, String cardToken, String description) {
        return provider.authorize(key, amount, cardToken, description);
    }

    @Override
    public void capture(String key, String reference, Money amount) {
        provider.capture(key, reference, amount);
    }

    @Override
    public void voidAuthorization(String key, String reference) {
        provider.voidAuthorization(key, reference);
    }

    @Override
    public String refund(String key, String reference, Money amount) {
        return provider.refund(key, reference, amount);
    }
}
