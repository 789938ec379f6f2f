package org.mercato.catalog.infrastructure.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.TextMessage;

import org.mercato.platform.testing.EventMessages;
import org.junit.jupiter.api.Test;
import org.mercato.catalog.infrastructure.events.StockAvailabilityListener.StockNews;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.StockAvailabilityChanged;

/** What the catalog reads from inventory's StockAvailabilityChanged, and what it parks as never readable. */
class StockAvailabilityListenerTest {

    private static final String OCCURRED_AT = "2026-12-01T09:00:00.250Z";

    /** A TextMessage with the Mercato envelope's properties (docs/events.md). */
    private static TextMessage message(String eventType, int schemaVersion, String body) {
        return EventMessages.event(eventType, UUID.randomUUID().toString(), schemaVersion, OCCURRED_AT, body);
    }

    private static TextMessage news(String body) {
        return message(StockAvailabilityChanged.TYPE, 1, body);
    }

    @Test
    void theNewsIsAsOfWhenItOccurred() {
        assertEquals(new StockNews("MC-1", true, Instant.parse(OCCURRED_AT)), StockAvailabilityListener.read(news(
                EventJson.write(new StockAvailabilityChanged("MC-1", true, 7L)))));
        assertEquals(new StockNews("MC-1", false, Instant.parse(OCCURRED_AT)), StockAvailabilityListener.read(news(
                "{\"sku\":\"MC-1\",\"inStock\":false}")), "available is optional");
    }

    @Test
    void unreadableNewsIsRefusedWithTheReason() {
        Map<TextMessage, String> refused = new LinkedHashMap<>();
        refused.put(news("{\"inStock\":true}"), "sku is required");
        refused.put(news("{\"sku\":\"MC-1\"}"), "inStock is required");
        refused.put(news("{\"sku\":\"MC-1\",\"inStock\":\"yes\"}"), "inStock");
        refused.put(news("{\"sku\":\"MC-1\","), "unreadable");
        refused.put(message(StockAvailabilityChanged.TYPE, 2, "{\"sku\":\"MC-1\",\"inStock\":true}"),
                "schemaVersion 2 is newer");
        refused.put(message("StockLow", 1, "{\"sku\":\"MC-1\",\"available\":1,\"threshold\":5}"),
                "expected StockAvailabilityChanged");
        refused.forEach((message, reason) -> {
            RejectedMessageException e = assertThrows(RejectedMessageException.class, () -> StockAvailabilityListener
                    .read(message), reason);
            assertTrue(e.getMessage().contains(reason), reason + " not in: " + e.getMessage());
        });
    }
}
