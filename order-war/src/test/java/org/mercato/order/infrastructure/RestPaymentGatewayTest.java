package org.mercato.order.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.mercato.order.application.PaymentGateway;
import org.mercato.order.domain.OrderRefund;
import org.mercato.platform.money.Money;

class RestPaymentGatewayTest {

    @Test
    void aRefundSendsAStableKeyPerPaymentAndReason() {
        String payment = UUID.randomUUID().toString();
        String key = RestPaymentGateway.refundKey(payment, "order 1 cancelled: damaged");
        assertEquals(key, RestPaymentGateway.refundKey(payment, "order 1 cancelled: damaged"));
        assertNotEquals(key, RestPaymentGateway.refundKey(UUID.randomUUID().toString(), "order 1 cancelled: damaged"));
        assertNotEquals(key, RestPaymentGateway.refundKey(payment, "order 1 failed: payment answered too late"));
        assertTrue(key.length() <= 100, "payments takes keys of at most 100 characters");
    }

    @Test
    void a402AskingForAuthenticationIsThreeDSecureAndAny402ElseADecline() {
        PaymentGateway.Charge threeDs = RestPaymentGateway.answer(Json.createObjectBuilder().add("type",
                "https://mercato.example/problems/authentication-required").add("status", 402).add("detail",
                        "the card needs the shopper's authentication (authentication_required); 3-D Secure")
                .build());
        assertTrue(threeDs.authenticationRequired());
        assertFalse(threeDs.approved());
        PaymentGateway.Charge declined = RestPaymentGateway.answer(Json.createObjectBuilder().add("type",
                "https://mercato.example/problems/payment-declined").add("status", 402).add("detail",
                        "the card was declined (insufficient_funds); payment 1")
                .build());
        assertFalse(declined.authenticationRequired());
        assertFalse(declined.approved());
        assertEquals("insufficient_funds", declined.declineReason());
    }

    @Test
    void theChargeKeyIsTheOrder() {
        UUID order = UUID.randomUUID();
        assertEquals("order:" + order, RestPaymentGateway.chargeKey(order));
    }

    @Test
    void paymentsRefundAnswerBecomesTheRefundTheOrderRecords() {
        // payments' RefundView, as JSON-B writes it (absent values left out)
        PaymentGateway.Refunded refunded = RestPaymentGateway.refunded(Json.createReader(new java.io.StringReader(
                "{\"id\":\"c1f2\",\"paymentId\":\"5b0e\",\"status\":\"SUCCEEDED\",\"amount\":{\"amount\":16000,"
                        + "\"currency\":\"EUR\"},\"reason\":\"order 1 cancelled: damaged\",\"remaining\":0,"
                        + "\"paymentStatus\":\"REFUNDED\"}"))
                .readObject());
        assertTrue(refunded.nothingLeft());
        assertEquals(new OrderRefund("c1f2", new Money(16000, "EUR"), "order 1 cancelled: damaged"), refunded.refund());

        PaymentGateway.Refunded noReason = RestPaymentGateway.refunded(Json.createReader(new java.io.StringReader(
                "{\"id\":\"c1f3\",\"amount\":{\"amount\":100,\"currency\":\"EUR\"},\"remaining\":50,"
                        + "\"paymentStatus\":\"PARTIALLY_REFUNDED\"}"))
                .readObject());
        assertFalse(noReason.nothingLeft());
        assertEquals(null, noReason.refund().reason());
    }
}
