package org.mercato.analytics.infrastructure;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.messaging.events.PostalAddress;

/** Order events as docs/events.md shows them, made from the contract records and written as on the wire. */
final class OrderEventSamples {

    static final Instant OCCURRED = Instant.parse("2026-11-24T10:15:31Z");
    static final OrderCustomer ADA = new OrderCustomer("2f1e", "ada@example.com", "Ada Lovelace");

    private OrderEventSamples() {
    }

    static MonetaryAmount eur(long amount) {
        return new MonetaryAmount(amount, "EUR");
    }

    /** One line of two headphones at 173.99 EUR, no shipping, 20 % tax on top (net prices): 417.58 EUR. */
    static OrderPlaced placed(String orderId) {
        return new OrderPlaced(orderId, "b0a4", ADA, List.of(new OrderPlaced.Line("MC-7KQ2ZP",
                "Sonora Crème Headphones 319", 2, eur(17399), eur(34798))), new OrderPlaced.Totals(eur(34798),
                        eur(0), eur(6960), eur(41758), false),
                new PostalAddress("Ada Lovelace", "1 Analytical Row",
                        null, "London", "N1 1AA", "GB"),
                "5b0e", Instant.parse("2026-11-24T10:15:30Z"));
    }

    static String orderPlaced(String orderId) {
        return EventJson.write(placed(orderId));
    }

    static String orderCancelled(String orderId) {
        return EventJson.write(new OrderCancelled(orderId, "customer asked", "staff@example.com", true, ADA, List
                .of(new OrderCancelled.Line("MC-7KQ2ZP", 2)), eur(41758), Instant.parse("2026-11-24T11:00:00Z")));
    }

    static String paymentRefunded(String orderId, String refundId, long amount) {
        return EventJson.write(new PaymentRefunded("5b0e", orderId, refundId, eur(amount), 0L, "PARTIALLY_REFUNDED",
                "scratched"));
    }

    static ReceivedEvent event(String type, String body) {
        return new ReceivedEvent(new EventHeaders(type, UUID.randomUUID(), OCCURRED, 1), body);
    }

    /** A body as a JSON object, for tests that break it the way no record can be made. */
    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
