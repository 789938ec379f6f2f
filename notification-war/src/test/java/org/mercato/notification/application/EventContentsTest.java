package org.mercato.notification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.notification.domain.OrderCancellation;
import org.mercato.notification.domain.OrderConfirmation;
import org.mercato.notification.domain.ShipmentDispatch;
import org.mercato.platform.money.Money;

/** The event bodies of docs/events.md read into the emails' terms, and the bodies no email can be written from. */
class EventBodiesTest {

    @Test
    void readsOrderPlacedAsDocumented() {
        OrderConfirmation order = EventBodies.orderPlaced(TestEvents.orderPlaced("6c0f5d0e", "ada@example.com",
                "Ada Lovelace"));
        assertEquals("6c0f5d0e", order.orderId());
        assertEquals("ada@example.com", order.customerEmail());
        assertEquals("Ada Lovelace", order.customerName());
        assertEquals(2, order.lines().size());
        assertEquals(new OrderConfirmation.Line("MC-7KQ2ZP", "Sonora Crème Headphones 319", 2,
                new Money(17399, "EUR"), new Money(34798, "EUR")), order.lines().get(0));
        assertEquals(new Money(41758, "EUR"), order.totals().total());
        assertFalse(order.totals().taxIncluded(), "an event without taxIncluded was priced net, tax added");
        assertEquals("N1 1AA", order.shippingAddress().postalCode());
        assertNull(order.shippingAddress().line2());
    }

    @Test
    void readsWhetherThePricesIncludedTheTax() {
        String net = TestEvents.orderPlaced("o-3", "ada@example.com", "Ada").body().toString();
        String gross = net.replace("\"amount\":41758,\"currency\":\"EUR\"}}",
                "\"amount\":34798,\"currency\":\"EUR\"},\"taxIncluded\":true}");
        OrderConfirmation order = EventBodies.orderPlaced(TestEvents.event(NotificationService.ORDER_PLACED, gross));
        assertTrue(order.totals().taxIncluded(), gross);
        assertEquals(new Money(34798, "EUR"), order.totals().total());
        assertRefused(gross.replace("\"taxIncluded\":true", "\"taxIncluded\":\"yes\""),
                "totals.taxIncluded must be true or false");
    }

    @Test
    void readsOrderCancelledAndShipmentDispatched() {
        OrderCancellation cancelled = EventBodies.orderCancelled(TestEvents.orderCancelled("o-1", "ada@example.com"));
        assertTrue(cancelled.refunded());
        assertEquals("customer asked", cancelled.reason());
        assertEquals("MC-7KQ2ZP", cancelled.items().get(0).label());
        ShipmentDispatch shipment = EventBodies.shipmentDispatched(TestEvents.shipmentDispatched("o-1",
                "ada@example.com"));
        assertEquals("Mercato Post", shipment.carrier());
        assertEquals("MP1234567890", shipment.trackingNumber());
        assertEquals(2, shipment.items().get(0).quantity());
    }

    @Test
    void refusesBodiesNoEmailCanBeWrittenFrom() {
        String good = TestEvents.orderPlaced("o-2", "ada@example.com", "Ada").body().toString();
        assertRefused(good.replace("\"ada@example.com\"", "\"\""), "customer.email is missing");
        assertRefused(good.replace("\"ada@example.com\"", "\"ada@example.com\\r\\nBcc: eve@example.com\""),
                "customer.email must not contain control characters (U+000D");
        // the platform's text rule: an unpaired surrogate is not text either
        assertRefused(good.replace("\"Ada\"", "\"Ada \\ud800\""), "must be valid Unicode text");
        assertRefused(good.replace("\"ada@example.com\"", "\"Ada <ada@example.com>, eve@example.com\""),
                "customer.email must be an email address");
        assertRefused(good.replace("\"o-2\"", "\"o-2\\r\\nX-Evil: 1\""), "orderId must be 1 to 64");
        assertRefused(good.replace("\"quantity\":2", "\"quantity\":0"), "lines[0].quantity must be between 1");
        assertRefused(good.replace("\"amount\":17399,\"currency\":\"EUR\"", "\"amount\":17399,\"currency\":\"EU\""),
                "lines[0].unitPrice.currency must be an ISO 4217 code");
        assertRefused(good.replace("\"amount\":34798,\"currency\":\"EUR\"},\"shipping\"",
                "\"amount\":347.98,\"currency\":\"EUR\"},\"shipping\""), "totals.subtotal.amount must be a whole");
        assertRefused(good.replace("\"shippingAddress\"", "\"elsewhere\""), "shippingAddress is missing");
    }

    private static void assertRefused(String json, String reason) {
        ReceivedEvent event = TestEvents.event(NotificationService.ORDER_PLACED, json);
        RejectedMessageException refused = assertThrows(RejectedMessageException.class,
                () -> EventBodies.orderPlaced(event));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("OrderPlaced: "), refused.getMessage());
    }
}
