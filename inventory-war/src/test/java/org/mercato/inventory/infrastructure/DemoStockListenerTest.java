package org.mercato.inventory.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.ProductChanged;

/** Demo stock: only the demo catalog's products are stocked; the catalog's other messages are left alone. */
class DemoStockListenerTest {

    private static String product(String origin) {
        MonetaryAmount price = new MonetaryAmount(1999L, "EUR");
        return EventJson.write(new ProductChanged("p-1", 1L, "lamp", "Lamp", "ACTIVE", null, null, origin, Instant
                .parse("2026-12-01T09:00:00Z"),
                List.of(new ProductChanged.Variant("MC-1", price, Map.of()),
                        new ProductChanged.Variant("MC-2", price, Map.of("colour", "red")))));
    }

    @Test
    void aDemoProductsSkusAreStockedInOneGo() {
        Map<String, Integer> onHand = DemoStockListener.demoStock(EventMessages.message(ProductChanged.TYPE,
                product(ProductChanged.DEMO))).orElseThrow();
        assertEquals(Map.of("MC-1", DemoStockListener.demoQuantity("MC-1"), "MC-2", DemoStockListener.demoQuantity(
                "MC-2")), onHand);
        assertEquals(List.of("MC-1", "MC-2"), List.copyOf(onHand.keySet()), "in the product's order");
    }

    @Test
    void staffProductsAndUnreadableMessagesAreLeftAlone() {
        assertEquals(Optional.empty(), DemoStockListener.demoStock(EventMessages.message(ProductChanged.TYPE,
                product(null))));
        assertEquals(Optional.empty(), DemoStockListener.demoStock(EventMessages.message(ProductChanged.TYPE,
                "{\"productId\":")));
        assertEquals(Optional.empty(), DemoStockListener.demoStock(EventMessages.message(ProductChanged.TYPE,
                product(ProductChanged.DEMO).replace("\"slug\":\"lamp\"", "\"slug\":null"))));
        assertEquals(Optional.empty(), DemoStockListener.demoStock(EventMessages.message(ProductChanged.TYPE, null,
                2, product(ProductChanged.DEMO))));
    }
}
