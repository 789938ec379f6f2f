package org.mercato.inventory.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.mercato.inventory.infrastructure.StockFeedListener.Adjustment;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.StockAdjusted;

/** What the stock feed reads from a StockAdjusted message, and what it refuses (parked with the reason). */
class StockFeedListenerTest {

    private static final String EVENT_ID = "3f2a9c1b-7e4d-4c2a-9b1e-0d6f5a4c3b2a";

    private static TextMessage adjusted(String body) {
        return EventMessages.message(StockAdjusted.TYPE, EVENT_ID, 1, body);
    }

    @Test
    void anAdjustmentKeepsWhatTheMessageSays() {
        Adjustment adjustment = StockFeedListener.read(adjusted(EventJson.write(new StockAdjusted("MC-1", -4L,
                "NORTH", "breakage", "erp"))));
        assertEquals(new Adjustment(UUID.fromString(EVENT_ID), "MC-1", "NORTH", -4, "erp", "breakage"),
                adjustment);
    }

    @Test
    void warehouseAndSourceHaveDefaults() {
        Adjustment adjustment = StockFeedListener.read(adjusted("{\"sku\":\"MC-1\",\"quantity\":24}"));
        assertEquals(new Adjustment(UUID.fromString(EVENT_ID), "MC-1", "MAIN", 24, "stock feed", null), adjustment);
        assertEquals(adjustment, StockFeedListener.read(adjusted(EventJson.write(new StockAdjusted("MC-1", 24L,
                null, null, null)))), "nulls written by JSON-B read as absent");
    }

    @Test
    void messagesThatCanNeverApplyAreRefusedWithTheirReason() {
        Map<TextMessage, String> refused = new LinkedHashMap<>();
        String body = EventJson.write(new StockAdjusted("MC-1", 2L, null, null, null));
        refused.put(EventMessages.message(StockAdjusted.TYPE, null, 1, body), "eventId is missing");
        refused.put(EventMessages.message(StockAdjusted.TYPE, EVENT_ID, 2, body), "schemaVersion 2 is newer");
        refused.put(EventMessages.message(StockAdjusted.TYPE, EVENT_ID, null, body), "envelope");
        refused.put(adjusted("not json"), "unreadable");
        refused.put(adjusted("{\"quantity\":2}"), "sku is required");
        refused.put(adjusted("{\"sku\":\"MC-1\"}"), "quantity is required");
        refused.put(adjusted("{\"sku\":\"MC-1\",\"quantity\":2.5}"), "quantity");
        refused.put(adjusted("{\"sku\":\"MC-1\",\"quantity\":\"lots\"}"), "quantity");
        refused.put(adjusted("{\"sku\":\"MC-1\",\"quantity\":2147483648}"), "quantity must be a whole number");
        refused.put(adjusted("{\"sku\":\"MC-1\",\"quantity\":-2147483649}"), "quantity must be a whole number");
        refused.put(adjusted("{\"sku\":\"MC-1\",\"quantity\":1,\"warehouse\":7}"), "warehouse");
        refused.forEach((message, reason) -> {
            RejectedMessageException e = assertThrows(RejectedMessageException.class, () -> StockFeedListener.read(
                    message), reason);
            assertTrue(e.getMessage().contains(reason), reason + " not in: " + e.getMessage());
        });
    }

    @Test
    void theWholeRangeOfAnIntIsAccepted() {
        assertEquals(Integer.MAX_VALUE, StockFeedListener.read(adjusted("{\"sku\":\"MC-1\",\"quantity\":2147483647}"))
                .quantity());
        assertEquals(Integer.MIN_VALUE, StockFeedListener.read(adjusted(
                "{\"sku\":\"MC-1\",\"quantity\":-2147483648}")).quantity());
    }
}
