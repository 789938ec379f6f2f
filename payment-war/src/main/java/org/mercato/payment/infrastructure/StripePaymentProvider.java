package org.mercato.payment.infrastructure;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.mercato.payment.application.PaymentProvider;
import org.mercato.platform.money.Money;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;

/**
 * Stripe through its Java library ({@code com.stripe:stripe-java}), following Stripe's PaymentIntents contract: an
 * intent confirmed with the card token and {@code capture_method=manual}, then captured, or cancelled (the void);
 * refunds against the intent. Every call carries Stripe's {@code Idempotency-Key} (so asking again after a timeout
 * never charges or refunds twice), a short timeout and no library retries (the caller's time budget decides). A
 * card error (HTTP 402) is a decline, except {@code authentication_required}, which like {@code requires_action} is
 * 3-D Secure (its own outcome, not a decline); no
 * answer, a 429, a 409 idempotency clash or a 5xx is "unavailable"; other refusals are "rejected".
 */
public class StripePaymentProvider implements PaymentProvider {

    private final StripeClient stripe;
    private final Duration timeout;
    private final Duration refundTimeout;

    /**
     * @param apiBase Stripe's API address (https://api.stripe.com; a local stub in tests)
     * @param timeout bound of one authorize, capture or void call (connect plus read)
     * @param refundTimeout bound of one refund call
     */
    public StripePaymentProvider(String apiBase, String secretKey, Duration timeout, Duration refundTimeout) {
        this.timeout = timeout;
        this.refundTimeout = refundTimeout;
        this.stripe = StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase).setMaxNetworkRetries(0)
                .setConnectTimeout(connectMillis(timeout)).setReadTimeout(readMillis(timeout)).build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Authorization authorize(String key, Money amount, String cardToken, String description) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(amount.amount())
                .setCurrency(amount.currency().toLowerCase(Locale.ROOT))
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL).setConfirm(true)
                .addPaymentMethodType("card").setDescription(description)
                .putExtraParam("payment_method_data", Map.of("type", "card", "card", Map.of("token", cardToken)))
                .build();
        PaymentIntent intent;
        try {
            intent = stripe.paymentIntents().create(params, options(key, timeout));
        } catch (CardException e) {
            if ("authentication_required".equals(e.getCode()) || "authentication_required".equals(e
                    .getDeclineCode())) {
                // the issuer wants 3-D Secure (Stripe answers a card error when it cannot ask for it here)
                return Authorization.authenticationRequired(e.getStripeError() != null && e.getStripeError()
                        .getPaymentIntent() != null ? e.getStripeError().getPaymentIntent().getId() : null);
            }
            return Authorization.declined(e.getDeclineCode() != null
                    ? e.getDeclineCode()
                    : e.getCode() != null ? e.getCode() : "card_declined");
        } catch (StripeException e) {
            throw translate("authorize", e);
        }
        String status = intent.getStatus() == null ? "" : intent.getStatus();
        return switch (status) {
            case "requires_capture", "succeeded" -> Authorization.approved(intent.getId());
            case "requires_action" -> Authorization.authenticationRequired(intent.getId());
            case "requires_payment_method" -> Authorization.declined(intent.getLastPaymentError() != null
                    && intent.getLastPaymentError().getDeclineCode() != null
                            ? intent.getLastPaymentError().getDeclineCode()
                            : "card_declined");
            default -> Authorization.declined("stripe_status_" + status);
        };
    }

    @Override
    public void capture(String key, String reference, Money amount) {
        try {
            PaymentIntent intent = stripe.paymentIntents().capture(reference, PaymentIntentCaptureParams.builder()
                    .setAmountToCapture(amount.amount()).build(), options(key, timeout));
            if (!"succeeded".equals(intent.getStatus())) {
                throw new RejectedException("stripe: captured intent " + reference + " is " + intent.getStatus(),
                        null);
            }
        } catch (StripeException e) {
            throw translate("capture", e);
        }
    }

    @Override
    public void voidAuthorization(String key, String reference) {
        try {
            PaymentIntent intent = stripe.paymentIntents().cancel(reference, PaymentIntentCancelParams.builder()
                    .build(), options(key, timeout));
            if (!"canceled".equals(intent.getStatus())) {
                throw new RejectedException("stripe: cancelled intent " + reference + " is " + intent.getStatus(),
                        null);
            }
        } catch (StripeException e) {
            throw translate("cancel", e);
        }
    }

    @Override
    public String refund(String key, String reference, Money amount) {
        try {
            Refund refund = stripe.refunds().create(RefundCreateParams.builder().setPaymentIntent(reference)
                    .setAmount(amount.amount()).build(), options(key, refundTimeout));
            if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
                throw new RejectedException("stripe: refund " + refund.getId() + " " + refund.getStatus(), null);
            }
            return refund.getId();
        } catch (StripeException e) {
            throw translate("refund", e);
        }
    }

    private static RequestOptions options(String key, Duration bound) {
        return RequestOptions.builder().setIdempotencyKey(key).setConnectTimeout(connectMillis(bound))
                .setReadTimeout(readMillis(bound)).setMaxNetworkRetries(0).build();
    }

    /** A quarter of the bound to connect, the rest to read: together never more than the bound. */
    private static int connectMillis(Duration bound) {
        return (int) Math.max(1, bound.toMillis() / 4);
    }

    private static int readMillis(Duration bound) {
        return (int) Math.max(1, bound.toMillis() - connectMillis(bound));
    }

    private static RuntimeException translate(String call, StripeException e) {
        Integer status = e.getStatusCode();
        boolean unavailable = e instanceof ApiConnectionException || e instanceof RateLimitException
                || e instanceof ApiException || e instanceof IdempotencyException
                || (status != null && (status == 429 || status >= 500));
        String message = "stripe " + call + ": " + (status == null ? "no answer" : "HTTP " + status) + " ("
                + e.getCode() + ")";
        return unavailable ? new UnavailableException(message, e) : new RejectedException(message, e);
    }
}
