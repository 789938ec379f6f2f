package org.mercato.analytics.infrastructure;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.ReceivedEvent;

/** Order event bodies shaped as docs/events.md shows them. */
final class OrderEventSamples {

    static final Instant OCCURRED = Instant.parse("2026-11-24T10:15:31Z");

    private OrderEventSamples() {
    }

    /** One line of two headphones at 173.99 EUR, no shipping, 20 % tax: 417.58 EUR. */
    static String orderPlaced(String orderId) {
        return """
                {"orderId": "%s", "cartId": "b0a4",
                 "customer": {"id": "2f1e", "email": "ada@example.com", "name": "Ada Lovelace"},
                 "lines": [{"sku": "MC-7KQ2ZP", "name": "Sonora Crème Headphones 319", "quantity": 2,
                            "unitPrice": {"amount": 17399, "currency": "EUR"},
                            "total": {"amount": 34798, "currency": "EUR"}}],
                 "totals": {"subtotal": {"amount": 34798, "currency": "EUR"},
                            "shipping": {"amount": 0, "currency": "EUR"},
                            "tax": {"amount": 6960, "currency": "EUR"},
                            "total": {"amount": 41758, "currency": "EUR"}},
                 "shippingAddress": {"name": "Ada Lovelace", "line1": "1 Analytical Row", "line2": null,
                                     "city": "London", "postalCode": "N1 1AA", "country": "GB"},
                 "paymentId": "5b0e", "placedAt": "2026-11-24T10:15:30Z"}
                """.formatted(orderId);
    }

    static String orderCancelled(String orderId) {
        return """
                {"orderId": "%s", "reason": "customer asked", "cancelledBy": "staff@example.com",
                 "refunded": true, "customer": {"id": "2f1e", "email": "ada@example.com", "name": "Ada Lovelace"},
                 "lines": [{"sku": "MC-7KQ2ZP", "quantity": 2}], "total": {"amount": 41758, "currency": "EUR"},
                 "cancelledAt": "2026-11-24T11:00:00Z"}
                """.formatted(orderId);
    }

    static String paymentRefunded(String orderId, String refundId, long amount) {
        return """
                {"paymentId": "5b0e", "orderId": "%s", "refundId": "%s",
                 "amount": {"amount": %d, "currency": "EUR"}, "remaining": 0, "status": "PARTIALLY_REFUNDED",
                 "reason": "scratched"}
                """.formatted(orderId, refundId, amount);
    }

    static ReceivedEvent event(String type, String body) {
        return new ReceivedEvent(new EventHeaders(type, UUID.randomUUID(), OCCURRED, 1), json(body));
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
