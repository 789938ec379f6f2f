package org.mercato.payment.infrastructure;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.mercato.payment.application.PaymentProvider;
import org.mercato.platform.money.Money;

/**
 * A processor that behaves like a real one, for development, demos and tests: it takes Stripe's test token names
 * and answers as Stripe would, idempotently per key.
 * <ul>
 * <li>{@code tok_visa}, {@code tok_mastercard}, {@code tok_amex}: approved</li>
 * <li>{@code tok_chargeDeclined}: declined ({@code card_declined}); {@code tok_chargeDeclinedInsufficientFunds}:
 * {@code insufficient_funds}; {@code tok_chargeDeclinedExpiredCard}: {@code expired_card}</li>
 * <li>{@code tok_threeDSecure2Required} and {@code tok_threeDSecureRequired} (Stripe's 3-D Secure 2 and 3-D Secure
 * test cards): the issuer wants the shopper to authenticate (Stripe's {@code requires_action}), reported as
 * authentication required, never as a decline</li>
 * <li>{@code tok_processingError}: fails once per key with a retryable error, then approves the retry</li>
 * <li>{@code tok_timeout}: does not answer within the call timeout (unavailable after waiting it out)</li>
 * <li>anything else: refused as an unknown token</li>
 * </ul>
 */
public class SandboxPaymentProvider implements PaymentProvider {

    private static final Logger LOG = Logger.getLogger(SandboxPaymentProvider.class.getName());
    private static final Set<String> APPROVED = Set.of("tok_visa", "tok_mastercard", "tok_amex");
    private static final Map<String, String> DECLINED = Map.of("tok_chargeDeclined", "card_declined",
            "tok_chargeDeclinedInsufficientFunds", "insufficient_funds", "tok_chargeDeclinedExpiredCard",
            "expired_card");
    private static final Set<String> AUTHENTICATION = Set.of("tok_threeDSecure2Required", "tok_threeDSecureRequired");

    /** What each key was answered, as a provider remembers it: the same key gets the same answer. */
    private final Map<String, Authorization> answers = new ConcurrentHashMap<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final Duration timeout;

    /** @param timeout how long a call may take: {@code tok_timeout} waits this long, then fails as unavailable */
    public SandboxPaymentProvider(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Authorization authorize(String key, Money amount, String cardToken, String description) {
        Authorization earlier = answers.get(key);
        if (earlier != null) {
            return earlier;
        }
        Authorization answer;
        if (APPROVED.contains(cardToken)) {
            answer = Authorization.approved(reference("sbx_pi_", key));
        } else if (DECLINED.containsKey(cardToken)) {
            answer = Authorization.declined(DECLINED.get(cardToken));
        } else if (AUTHENTICATION.contains(cardToken)) {
            answer = Authorization.authenticationRequired(reference("sbx_pi_", key));
        } else if ("tok_processingError".equals(cardToken)) {
            if (failedOnce.add(key)) {
                throw new UnavailableException("sandbox: processing_error, retry with the same key", null);
            }
            answer = Authorization.approved(reference("sbx_pi_", key));
        } else if ("tok_timeout".equals(cardToken)) {
            sleep(timeout.toMillis());
            throw new UnavailableException("sandbox: no answer within " + timeout.toMillis() + " ms", null);
        } else {
            throw new RejectedException("sandbox: unknown card token; the sandbox takes tok_visa, tok_mastercard,"
                    + " tok_amex, tok_chargeDeclined, tok_chargeDeclinedInsufficientFunds,"
                    + " tok_chargeDeclinedExpiredCard, tok_threeDSecure2Required, tok_threeDSecureRequired,"
                    + " tok_processingError, tok_timeout",
                    null);
        }
        Authorization kept = answers.putIfAbsent(key, answer);
        LOG.fine(() -> "sandbox authorization for " + amount + ": " + answer.outcome());
        return kept != null ? kept : answer;
    }

    @Override
    public void capture(String key, String reference, Money amount) {
        requireSandbox(reference);
    }

    @Override
    public void voidAuthorization(String key, String reference) {
        requireSandbox(reference);
    }

    @Override
    public String refund(String key, String reference, Money amount) {
        requireSandbox(reference);
        return reference("sbx_re_", key);
    }

    private static void requireSandbox(String reference) {
        if (reference == null || !reference.startsWith("sbx_pi_")) {
            throw new RejectedException("sandbox: not a sandbox payment: " + reference, null);
        }
    }

    private static String reference(String prefix, String key) {
        return prefix + UUID.nameUUIDFromBytes(key.getBytes()).toString().replace("-", "");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
