package org.mercato.fulfillment.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.fulfillment.application.NewShipment;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;

/**
 * What an OrderPlaced asks of the warehouse, in fulfillment's terms, without a container (the JMS path is
 * FulfillmentJmsWiringIT's).
 */
class OrderEventsListenerTest {

    private static MonetaryAmount eur(long amount) {
        return new MonetaryAmount(amount, "EUR");
    }

    private static OrderPlaced placed(String customerName, String lineName, int quantity) {
        MonetaryAmount total = eur(34798L);
        return new OrderPlaced("o-1", "b0a4", new OrderCustomer("2f1e", "ada@example.com", customerName), List.of(
                new OrderPlaced.Line("MC-7KQ2ZP", lineName, quantity, eur(17399L), total)),
                new OrderPlaced.Totals(total, eur(0L), eur(0L), total,
                        true),
                new PostalAddress("Ada at work", "1 Analytical Row", null, "London", "N1 1AA", "GB"),
                "5b0e", Instant.parse("2026-11-24T10:15:30Z"));
    }

    @Test
    void theShipmentGoesToTheCustomersEmailAndTheAddressesName() {
        NewShipment shipment = OrderEventsListener.newShipment(placed("Ada Lovelace", "Headphones", 2));
        assertEquals("o-1", shipment.orderId());
        assertEquals("ada@example.com", shipment.recipient().email());
        assertEquals("Ada Lovelace", shipment.recipient().name());
        assertEquals("Ada at work", shipment.shippingAddress().name());
        assertEquals(2, shipment.lines().get(0).quantity());
        assertEquals("Headphones", shipment.lines().get(0).name());
    }

    @Test
    void aMissingNameFallsBackToTheAddressesAndTheSku() {
        NewShipment shipment = OrderEventsListener.newShipment(placed(null, null, 1));
        assertEquals("Ada at work", shipment.recipient().name());
        assertEquals("MC-7KQ2ZP", shipment.lines().get(0).name());
    }

    @Test
    void anOrderTheWarehouseCanNeverShipIsRefusedNamingTheOrderAndTheField() {
        RejectedMessageException refused = assertThrows(RejectedMessageException.class,
                () -> OrderEventsListener.newShipment(placed("Ada", "Headphones", 10_001)));
        assertTrue(refused.getMessage().contains("o-1"), refused.getMessage());
        assertTrue(refused.getMessage().contains("quantity"), refused.getMessage());
    }
}
