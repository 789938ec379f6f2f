package org.mercato.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.messaging.events.ShipmentDispatched;

/**
 * Events as docs/events.md shows them: the contract records, and the same written as on the wire and received by
 * the consumer.
 */
public final class TestEvents {

    private TestEvents() {
    }

    public static MonetaryAmount eur(long amount) {
        return new MonetaryAmount(amount, "EUR");
    }

    /** Where the parcels go; {@code name} null is Ada Lovelace. */
    public static PostalAddress address(String name) {
        return new PostalAddress(name == null ? "Ada Lovelace" : name, "1 Analytical Row", null, "London", "N1 1AA",
                "GB");
    }

    /** Headphones and a free cable, net prices: tax added to the total. {@code name} may be null. */
    public static OrderPlaced placed(String orderId, String email, String name) {
        return new OrderPlaced(orderId, "b0a4", new OrderCustomer("2f1e", email, name), List.of(
                new OrderPlaced.Line("MC-7KQ2ZP", "Sonora Crème Headphones 319", 2, eur(17399), eur(34798)),
                new OrderPlaced.Line("MC-CABLE1", "Braided Cable", 1, eur(0), eur(0))),
                new OrderPlaced.Totals(eur(
                        34798), eur(0), eur(6960), eur(41758), false),
                address(name), "5b0e", Instant.parse(
                        "2026-11-24T10:15:30Z"));
    }

    public static OrderCancelled cancelled(String orderId, String email) {
        return new OrderCancelled(orderId, "customer asked", "staff@example.com", true, new OrderCustomer("2f1e",
                email, "Ada Lovelace"), List.of(new OrderCancelled.Line("MC-7KQ2ZP", 2)), eur(41758),
                Instant.parse(
                        "2026-11-24T11:00:00Z"));
    }

    public static ShipmentDispatched dispatched(String orderId, String email) {
        return new ShipmentDispatched("s-1", orderId, "Mercato Post", "MP1234567890", Instant.parse(
                "2026-11-24T12:00:00Z"), new ShipmentDispatched.Recipient(email, "Ada Lovelace"), address(null),
                List
                        .of(new ShipmentDispatched.Line("MC-7KQ2ZP", "Sonora Crème Headphones 319", 2)));
    }

    public static ReceivedEvent orderPlaced(String orderId, String email, String name) {
        return event(OrderPlaced.TYPE, EventJson.write(placed(orderId, email, name)));
    }

    public static ReceivedEvent orderCancelled(String orderId, String email) {
        return event(OrderCancelled.TYPE, EventJson.write(cancelled(orderId, email)));
    }

    public static ReceivedEvent shipmentDispatched(String orderId, String email) {
        return event(ShipmentDispatched.TYPE, EventJson.write(dispatched(orderId, email)));
    }

    public static ReceivedEvent event(String type, String json) {
        return event(type, 1, json);
    }

    public static ReceivedEvent event(String type, int schemaVersion, String json) {
        return new ReceivedEvent(new EventHeaders(type, UUID.randomUUID(), Instant.parse("2026-11-24T10:15:31Z"),
                schemaVersion), json);
    }

    /** The same event again, as a redelivery brings it. */
    public static ReceivedEvent again(ReceivedEvent event) {
        return new ReceivedEvent(event.headers(), event.json());
    }
}
