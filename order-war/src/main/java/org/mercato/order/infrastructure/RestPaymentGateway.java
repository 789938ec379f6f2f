package org.mercato.order.infrastructure;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.mercato.order.application.DependencyUnavailableException;
import org.mercato.order.application.PaymentGateway;
import org.mercato.order.domain.OrderRefund;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyJson;
import org.mercato.platform.resilience.Fallbacks;
import org.mercato.platform.security.Digests;

/**
 * Charges at payment-war with the order id in the Idempotency-Key (a second attempt can never charge twice). The
 * charge has no retry: the shopper gets an answer within 2 seconds, and a charge that was not answered in time is
 * checked afterwards ({@code PaymentCheckJob}). A decline is an answer, not a failure: it never opens the breaker.
 */
@ApplicationScoped
public class RestPaymentGateway implements PaymentGateway {

    @Inject
    ServiceClients clients;

    @Inject
    ServiceToken token;

    private Clients.Payments client;

    @PostConstruct
    void open() {
        client = clients.client(Clients.Payments.class, "payments", 1500);
    }

    static String chargeKey(UUID orderId) {
        return "order:" + orderId;
    }

    @Override
    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "chargeUnavailable")
    public Charge charge(UUID orderId, Money amount, String cardToken) {
        try {
            JsonObject payment = client.charge(Json.createObjectBuilder().add("orderId", orderId.toString())
                    .add("amount", MoneyJson.of(amount)).add("token", cardToken).build(), chargeKey(orderId),
                    token.bearer());
            return new Charge(payment.getString("id"), null);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 402) {
                JsonObject problem = e.getResponse().readEntity(JsonObject.class);
                return answer(problem);
            }
            if (status == 401) {
                token.forget();
            }
            throw e;
        }
    }

    /**
     * A 402 from payments: {@code .../authentication-required} is 3-D Secure (the shopper must authenticate), any
     * other type a decline with the issuer's reason.
     */
    static Charge answer(JsonObject problem) {
        if (problem.getString("type", "").endsWith("/authentication-required")) {
            return Charge.needsAuthentication();
        }
        return new Charge(null, declineReason(problem));
    }

    /** "the card was declined (card_declined); payment ..." -> "card_declined" */
    private static String declineReason(JsonObject problem) {
        String detail = problem.getString("detail", "declined");
        int open = detail.indexOf('(');
        int close = detail.indexOf(')', open + 1);
        return open >= 0 && close > open ? detail.substring(open + 1, close) : detail;
    }

    Charge chargeUnavailable(UUID orderId, Money amount, String cardToken) {
        Fallbacks.clearTimeoutInterrupt();
        throw new DependencyUnavailableException("payments", "payments did not answer in time", null);
    }

    @Override
    @Timeout(6000)
    @Retry(maxRetries = 1, delay = 200)
    @Fallback(fallbackMethod = "refundUnavailable")
    public Refunded refundAll(String paymentId, String reason) {
        String shortReason = reason.length() > 300 ? reason.substring(0, 300) : reason;
        try {
            JsonObject refund = client.refund(Json.createObjectBuilder().add("paymentId", paymentId)
                    .add("reason", shortReason).build(), refundKey(paymentId, shortReason), token.bearer());
            return refunded(refund);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409 && problemType(e).endsWith("/refund-exceeds-payment")) {
                // nothing left to refund: an earlier attempt (whose answer was lost) did it
                return new Refunded(null, true);
            }
            throw e;
        }
    }

    /**
     * Payments' answer to a refund ({@code {id, amount: {amount, currency}, reason, remaining, paymentStatus}}) in
     * the order's terms.
     */
    static Refunded refunded(JsonObject refund) {
        JsonObject amount = refund.getJsonObject("amount");
        String reason = refund.get("reason") instanceof JsonString text ? text.getString() : null;
        return new Refunded(new OrderRefund(refund.getString("id"), new Money(amount.getJsonNumber("amount")
                .longValueExact(), amount.getString("currency")), reason), "REFUNDED".equals(refund.getString(
                        "paymentStatus", "")));
    }

    /**
     * The refund's Idempotency-Key: the same for every attempt of the same refund (a retry, a second cancel with
     * the same reason, the payment check), so payments refunds once and answers the replays with the first result.
     */
    static String refundKey(String paymentId, String reason) {
        return "order-refund:" + paymentId + ":" + Digests.sha256Hex(reason).substring(0, 16);
    }

    private static String problemType(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(JsonObject.class).getString("type", "");
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    Refunded refundUnavailable(String paymentId, String reason) {
        Fallbacks.clearTimeoutInterrupt();
        throw new DependencyUnavailableException("payments", "payments did not answer; the refund is still owed",
                null);
    }

    @Override
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 100)
    @Fallback(fallbackMethod = "lookupUnavailable")
    public Optional<String> capturedPaymentFor(UUID orderId) {
        for (JsonValue value : client.forOrder(orderId.toString(), token.bearer()).getJsonArray("items")) {
            JsonObject payment = value.asJsonObject();
            if (payment.getJsonNumber("refundable").longValue() > 0) {
                return Optional.of(payment.getString("id"));
            }
        }
        return Optional.empty();
    }

    Optional<String> lookupUnavailable(UUID orderId) {
        Fallbacks.clearTimeoutInterrupt();
        throw new DependencyUnavailableException("payments", "payments did not answer", null);
    }
}
