package org.mercato.order.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

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
    void theChargeKeyIsTheOrder() {
        UUID order = UUID.randomUUID();
        assertEquals("order:" + order, RestPaymentGateway.chargeKey(order));
    }
}
