package org.mercato.notification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercato.notification.application.TestEvents.eur;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.ShipmentDispatched;
import org.mercato.notification.domain.OrderCancellation;
import org.mercato.notification.domain.OrderConfirmation;
import org.mercato.notification.domain.ShipmentDispatch;
import org.mercato.platform.money.Money;

/**
 * The events of docs/events.md (their contract records) in the emails' terms, and those no email can be written
 * from. Bodies the records themselves refuse are in {@code EventEmailsTest}.
 */
class EventContentsTest {

    @Test
    void readsOrderPlacedAsDocumented() {
        OrderConfirmation order = EventContents.confirmation(TestEvents.placed("6c0f5d0e", "ada@example.com",
                "Ada Lovelace"));
        assertEquals("6c0f5d0e", order.orderId());
        assertEquals("ada@example.com", order.customerEmail());
        assertEquals("Ada Lovelace", order.customerName());
        assertEquals(2, order.lines().size());
        assertEquals(new OrderConfirmation.Line("MC-7KQ2ZP", "Sonora Crème Headphones 319", 2,
                new Money(17399, "EUR"), new Money(34798, "EUR")), order.lines().get(0));
        assertEquals(new Money(41758, "EUR"), order.totals().total());
        assertFalse(order.totals().taxIncluded(), "taxIncluded false: priced net, tax added");
        assertEquals("N1 1AA", order.shippingAddress().postalCode());
        assertNull(order.shippingAddress().line2());
    }

    @Test
    void readsWhetherThePricesIncludedTheTax() {
        OrderPlaced net = TestEvents.placed("o-3", "ada@example.com", "Ada");
        OrderPlaced.Totals t = net.totals();
        OrderConfirmation order = EventContents.confirmation(withTotals(net, new OrderPlaced.Totals(t.subtotal(), t
                .shipping(), t.tax(), eur(34798), true)));
        assertTrue(order.totals().taxIncluded());
        assertEquals(new Money(34798, "EUR"), order.totals().total());
    }

    @Test
    void readsOrderCancelledAndShipmentDispatched() {
        OrderCancellation cancelled = EventContents.cancellation(TestEvents.cancelled("o-1", "ada@example.com"));
        assertTrue(cancelled.refunded());
        assertEquals("customer asked", cancelled.reason());
        assertEquals("MC-7KQ2ZP", cancelled.items().get(0).label());
        assertEquals(new Money(41758, "EUR"), cancelled.total());
        ShipmentDispatch shipment = EventContents.dispatch(TestEvents.dispatched("o-1", "ada@example.com"));
        assertEquals("Mercato Post", shipment.carrier());
        assertEquals("MP1234567890", shipment.trackingNumber());
        assertEquals(2, shipment.items().get(0).quantity());
        assertEquals("London", shipment.shippingAddress().city());
    }

    @Test
    void refusesOrdersNoEmailCanBeWrittenFrom() {
        assertRefused(TestEvents.placed("o-2", "", "Ada"), "customer.email is missing");
        assertRefused(TestEvents.placed("o-2", "ada@example.com\r\nBcc: eve@example.com", "Ada"),
                "customer.email must not contain control characters (U+000D");
        // the platform's text rule: an unpaired surrogate is not text either
        assertRefused(TestEvents.placed("o-2", "ada@example.com", "Ada \ud800"), "must be valid Unicode text");
        assertRefused(TestEvents.placed("o-2", "Ada <ada@example.com>, eve@example.com", "Ada"),
                "customer.email must be an email address");
        assertRefused(TestEvents.placed("o-2\r\nX-Evil: 1", "ada@example.com", "Ada"), "orderId must be 1 to 64");
        OrderPlaced good = TestEvents.placed("o-2", "ada@example.com", "Ada");
        assertRefused(withLine(good, new OrderPlaced.Line("MC-7KQ2ZP", "Headphones", 1_000_001, eur(1), eur(
                1_000_001))), "lines[0].quantity must be between 1");
        assertRefused(withLine(good, new OrderPlaced.Line("MC-7KQ2ZP", "Headphones", 2, new MonetaryAmount(17399L,
                "XYZ"), eur(34798))), "lines[0].unitPrice.currency must be an ISO 4217 code");
        assertRefused(withLine(good, new OrderPlaced.Line("MC-7KQ2ZP\n", "Headphones", 2, eur(17399), eur(
                34798))), "lines[0].sku must not contain control characters");
        OrderPlaced.Totals t = good.totals();
        assertRefused(withTotals(good, new OrderPlaced.Totals(eur(Money.MAX_AMOUNT + 1), t.shipping(), t.tax(), t
                .total(), false)), "totals.subtotal.amount is out of range");
    }

    @Test
    void refusesCancellationsAndShipmentsNoEmailCanBeWrittenFrom() {
        OrderCancelled c = TestEvents.cancelled("o-1", "ada@example.com");
        RejectedMessageException noCustomer = assertThrows(RejectedMessageException.class, () -> EventContents
                .cancellation(new OrderCancelled(c.orderId(), c.reason(), c.cancelledBy(), c.refunded(), null, c
                        .lines(), c.total(), c.cancelledAt())));
        assertEquals("OrderCancelled: customer is missing", noCustomer.getMessage());
        RejectedMessageException badEmail = assertThrows(RejectedMessageException.class, () -> EventContents
                .cancellation(TestEvents.cancelled("o-1", "ada")));
        assertEquals("OrderCancelled: customer.email must be an email address", badEmail.getMessage());

        ShipmentDispatched d = TestEvents.dispatched("o-1", "ada@example.com");
        RejectedMessageException noRecipient = assertThrows(RejectedMessageException.class, () -> EventContents
                .dispatch(new ShipmentDispatched(d.shipmentId(), d.orderId(), d.carrier(), d.trackingNumber(), d
                        .dispatchedAt(), new ShipmentDispatched.Recipient(null, "Ada"), d.shippingAddress(),
                        d
                                .lines())));
        assertEquals("ShipmentDispatched: recipient.email is missing", noRecipient.getMessage());
        RejectedMessageException longCarrier = assertThrows(RejectedMessageException.class, () -> EventContents
                .dispatch(new ShipmentDispatched(d.shipmentId(), d.orderId(), "C".repeat(101), d.trackingNumber(), d
                        .dispatchedAt(), d.recipient(), d.shippingAddress(), d.lines())));
        assertEquals("ShipmentDispatched: carrier must have at most 100 characters", longCarrier.getMessage());
    }

    private static OrderPlaced withLine(OrderPlaced order, OrderPlaced.Line line) {
        return new OrderPlaced(order.orderId(), order.cartId(), order.customer(), List.of(line), order.totals(),
                order.shippingAddress(), order.paymentId(), order.placedAt());
    }

    private static OrderPlaced withTotals(OrderPlaced order, OrderPlaced.Totals totals) {
        return new OrderPlaced(order.orderId(), order.cartId(), order.customer(), order.lines(), totals, order
                .shippingAddress(), order.paymentId(), order.placedAt());
    }

    private static void assertRefused(OrderPlaced event, String reason) {
        RejectedMessageException refused = assertThrows(RejectedMessageException.class,
                () -> EventContents.confirmation(event));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("OrderPlaced: "), refused.getMessage());
    }
}
