package org.mercato.examples.erpbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Order events as docs/events.md shows them, read into ledger entries; messages that can never be booked. */
class OrderEventsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:31Z");
    private static final String PLACED = """
            {"orderId": "6c0f5d0e-3f8e-4d59-a0a4-8d9e4a1c2b77", "cartId": "b0a4",
             "customer": {"id": "2f1e", "email": "ada@example.com", "name": "Ada Lovelace"},
             "lines": [{"sku": "MC-7KQ2ZP", "name": "Sonora Crème Headphones 319", "quantity": 2,
                        "unitPrice": {"amount": 17399, "currency": "EUR"}, "total": {"amount": 34798, "currency": "EUR"}},
                       {"sku": "MC-CUP", "name": "Cup", "quantity": 1,
                        "unitPrice": {"amount": 600, "currency": "EUR"}, "total": {"amount": 600, "currency": "EUR"}}],
             "totals": {"subtotal": {"amount": 35398, "currency": "EUR"}, "shipping": {"amount": 0, "currency": "EUR"},
                        "tax": {"amount": 5652, "currency": "EUR"}, "total": {"amount": 35398, "currency": "EUR"},
                        "taxIncluded": true},
             "paymentId": "5b0e", "placedAt": "2026-11-24T10:15:30Z", "aFieldAddedLater": {"x": 1}}
            """;
    private static final String CANCELLED = """
            {"orderId": "6c0f5d0e-3f8e-4d59-a0a4-8d9e4a1c2b77", "reason": "customer asked",
             "cancelledBy": "staff@example.com", "refunded": true,
             "customer": {"id": "2f1e", "email": "ada@example.com", "name": "Ada Lovelace"},
             "lines": [{"sku": "MC-7KQ2ZP", "quantity": 2}], "total": {"amount": 41758, "currency": "EUR"},
             "cancelledAt": "2026-11-24T11:00:00Z"}
            """;

    private static Delivery delivery(String type, String version, String body) {
        return new Delivery(type, "e3b0c442-98fc-4c14-9afb-f4c8996fb924", "2026-11-24T10:15:30Z", version,
                "req-12345678", body);
    }

    @Test
    void anOrderPlacedBecomesAnEntryWithItsLinesAndWhatWasCharged() throws UnusableEvent {
        LedgerEntry entry = OrderEvents.read(delivery("OrderPlaced", "1", PLACED), RECEIVED);
        assertEquals("6c0f5d0e-3f8e-4d59-a0a4-8d9e4a1c2b77", entry.orderId());
        assertEquals("e3b0c442-98fc-4c14-9afb-f4c8996fb924", entry.eventId());
        assertEquals("ada@example.com", entry.customerEmail());
        assertEquals(List.of(new OrderLine("MC-7KQ2ZP", 2), new OrderLine("MC-CUP", 1)), entry.lines());
        assertEquals(3, entry.units());
        assertEquals(new Money(35398, "EUR"), entry.total());
        assertEquals("req-12345678", entry.correlationId());
        assertNull(entry.reason());
        assertEquals(RECEIVED, entry.receivedAt());
    }

    @Test
    void anOrderCancelledKeepsItsReasonAndTheUnitsThatGoBack() throws UnusableEvent {
        LedgerEntry entry = OrderEvents.read(delivery("OrderCancelled", "1", CANCELLED), RECEIVED);
        assertEquals("OrderCancelled", entry.eventType());
        assertEquals("customer asked", entry.reason());
        assertEquals(List.of(new OrderLine("MC-7KQ2ZP", 2)), entry.lines());
        assertEquals(new Money(41758, "EUR"), entry.total());
    }

    @Test
    void theLedgerLineLeavesOutWhatTheEventDidNotSay() throws UnusableEvent {
        LedgerEntry entry = OrderEvents.read(new Delivery("OrderPlaced", "e1", "2026-11-24T10:15:30Z", "1", null,
                "{\"orderId\": \"o-1\"}"), RECEIVED);
        assertEquals("{\"eventId\":\"e1\",\"eventType\":\"OrderPlaced\",\"orderId\":\"o-1\",\"occurredAt\":"
                + "\"2026-11-24T10:15:30Z\",\"receivedAt\":\"2026-11-24T10:15:31Z\",\"lines\":[]}",
                entry.toJson()
                        .toString());
    }

    @Test
    void messagesThatCanNeverBeBookedSayWhy() {
        assertUnusable("schemaVersion 2", delivery("OrderPlaced", "2", PLACED));
        assertUnusable("no schemaVersion", delivery("OrderPlaced", null, PLACED));
        assertUnusable("not a number", delivery("OrderPlaced", "one", PLACED));
        assertUnusable("no eventId", new Delivery("OrderPlaced", " ", "2026-11-24T10:15:30Z", "1", null, PLACED));
        assertUnusable("not an ISO-8601", new Delivery("OrderPlaced", "e1", "yesterday", "1", null, PLACED));
        assertUnusable("not one this bridge books", delivery("ShipmentCreated", "1", PLACED));
        assertUnusable("not JSON", delivery("OrderPlaced", "1", "this is not JSON {"));
        assertUnusable("not an object", delivery("OrderPlaced", "1", "[1, 2]"));
        assertUnusable("not a text message", delivery("OrderPlaced", "1", null));
        assertUnusable("no orderId", delivery("OrderPlaced", "1", "{\"lines\": []}"));
        assertUnusable("whole quantity", delivery("OrderPlaced", "1",
                "{\"orderId\": \"o\", \"lines\": [{\"sku\": \"A\", \"quantity\": 1.5}]}"));
        assertUnusable("whole minor units", delivery("OrderCancelled", "1",
                "{\"orderId\": \"o\", \"total\": {\"amount\": 12.34, \"currency\": \"EUR\"}}"));
    }

    private static void assertUnusable(String reasonPart, Delivery delivery) {
        UnusableEvent refused = assertThrows(UnusableEvent.class, () -> OrderEvents.read(delivery, RECEIVED));
        assertTrue(refused.getMessage().contains(reasonPart), refused.getMessage());
    }

    @Test
    void moneyShowsInMajorUnitsOfItsCurrency() {
        assertEquals("417.58 EUR", new Money(41758, "EUR").display());
        assertEquals("1200 JPY", new Money(1200, "JPY").display());
        assertEquals("5 minor units XYZ", new Money(5, "XYZ").display());
    }
}
