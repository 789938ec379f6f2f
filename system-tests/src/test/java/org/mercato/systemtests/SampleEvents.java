package org.mercato.systemtests;

import java.time.Instant;

/** Event bodies an outside system would publish, shaped as docs/schemas says (version 1). */
final class SampleEvents {

    private SampleEvents() {
    }

    /** An OrderPlaced body for one line of a SKU at 25.00 EUR a unit. */
    static String orderPlaced(String orderId, String cartId, String sku, int quantity) {
        long total = 2_500L * quantity;
        return "{\"orderId\":\"" + orderId + "\",\"cartId\":\"" + cartId + "\",\"customer\":{\"id\":\"u-1\","
                + "\"email\":\"sample@example.com\",\"name\":\"Sample\"},\"lines\":[{\"sku\":\"" + sku + "\","
                + "\"name\":\"Sample\",\"quantity\":" + quantity + ",\"unitPrice\":{\"amount\":2500,\"currency\":"
                + "\"EUR\"},\"total\":{\"amount\":" + total + ",\"currency\":\"EUR\"}}],\"totals\":{\"subtotal\":"
                + "{\"amount\":" + total + ",\"currency\":\"EUR\"},\"shipping\":{\"amount\":0,\"currency\":\"EUR\"},"
                + "\"tax\":{\"amount\":0,\"currency\":\"EUR\"},\"total\":{\"amount\":" + total + ",\"currency\":"
                + "\"EUR\"},\"taxIncluded\":true},\"shippingAddress\":" + OrderFlowIT.ADDRESS + ",\"paymentId\":"
                + "\"p-1\",\"placedAt\":\"" + Instant.now() + "\"}";
    }
}
