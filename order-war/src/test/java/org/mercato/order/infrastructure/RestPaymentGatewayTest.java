package org.mercato.order.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.mercato.order.application.PaymentGateway;

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
}
