package org.mercato.notification.application;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.ReceivedEvent;

/** Events as docs/events.md shows them, as the consumer receives them. */
final class TestEvents {

    private TestEvents() {
    }

    static ReceivedEvent orderPlaced(String orderId, String email, String name) {
        return event(NotificationService.ORDER_PLACED,
                """
                        {"orderId": "%s", "cartId": "b0a4",
                         "customer": {"id": "2f1e", "email": "%s", "name": %s},
                         "lines": [
                           {"sku": "MC-7KQ2ZP", "name": "Sonora Crème Headphones 319", "quantity": 2,
                            "unitPrice": {"amount": 17399, "currency": "EUR"}, "total": {"amount": 34798, "currency": "EUR"}},
                           {"sku": "MC-CABLE1", "name": "Braided Cable", "quantity": 1,
                            "unitPrice": {"amount": 0, "currency": "EUR"}, "total": {"amount": 0, "currency": "EUR"}}
                         ],
                         "totals": {"subtotal": {"amount": 34798, "currency": "EUR"}, "shipping": {"amount": 0, "currency": "EUR"},
                                    "tax": {"amount": 6960, "currency": "EUR"}, "total": {"amount": 41758, "currency": "EUR"}},
                         "shippingAddress": {"name": %s, "line1": "1 Analytical Row", "line2": null, "city": "London",
                                             "postalCode": "N1 1AA", "country": "GB"},
                         "paymentId": "5b0e", "placedAt": "2026-11-24T10:15:30Z"}
                        """
                        .formatted(orderId, email, quoted(name), quoted(name)));
    }

    static ReceivedEvent orderCancelled(String orderId, String email) {
        return event(NotificationService.ORDER_CANCELLED, """
                {"orderId": "%s", "reason": "customer asked", "cancelledBy": "staff@example.com", "refunded": true,
                 "customer": {"id": "2f1e", "email": "%s", "name": "Ada Lovelace"},
                 "lines": [{"sku": "MC-7KQ2ZP", "quantity": 2}], "total": {"amount": 41758, "currency": "EUR"},
                 "cancelledAt": "2026-11-24T11:00:00Z"}
                """.formatted(orderId, email));
    }

    static ReceivedEvent shipmentDispatched(String orderId, String email) {
        return event(NotificationService.SHIPMENT_DISPATCHED, """
                {"shipmentId": "s-1", "orderId": "%s", "carrier": "Mercato Post", "trackingNumber": "MP1234567890",
                 "dispatchedAt": "2026-11-24T12:00:00Z",
                 "recipient": {"email": "%s", "name": "Ada Lovelace"},
                 "shippingAddress": {"name": "Ada Lovelace", "line1": "1 Analytical Row", "line2": null,
                                     "city": "London", "postalCode": "N1 1AA", "country": "GB"},
                 "lines": [{"sku": "MC-7KQ2ZP", "name": "Sonora Crème Headphones 319", "quantity": 2}]}
                """.formatted(orderId, email));
    }

    static ReceivedEvent event(String type, String json) {
        return event(type, UUID.randomUUID(), json);
    }

    static ReceivedEvent event(String type, UUID eventId, String json) {
        JsonObject body = Json.createReader(new StringReader(json)).readObject();
        return new ReceivedEvent(new EventHeaders(type, eventId, Instant.parse("2026-11-24T10:15:31Z"), 1), body);
    }

    /** The same event again, as a redelivery brings it. */
    static ReceivedEvent again(ReceivedEvent event) {
        return new ReceivedEvent(event.headers(), event.body());
    }

    private static String quoted(String text) {
        return text == null ? "null" : Json.createValue(text).toString();
    }
}
