package org.mercato.catalog.infrastructure.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.ProductChanged;
import org.mercato.platform.money.Money;

/** ProductChanged as its contract's record, and as the JSON text inventory and the other consumers read back. */
class ProductChangedEventTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");

    private static Product tee(String brand, Category category) {
        ProductDraft draft = new ProductDraft("Tee", null, null, brand, null, ProductStatus.ACTIVE, null, null, List
                .of(new ProductDraft.VariantDraft("TEE-S", Map.of("size", "S"), new Money(1500, "EUR")),
                        new ProductDraft.VariantDraft("TEE-M", Map.of("size", "M"), new Money(1600, "EUR"))));
        return Product.create(draft, category, () -> "SKU-NEW", NOW);
    }

    @Test
    void theWholeProductIsInTheEvent() {
        Product product = tee("Acme", new Category("Shirts", "shirts", null, 0));
        ProductChanged changed = EventJson.read(EventJson.write(ProductChangedEvent.of(product, null)),
                ProductChanged.CONTRACT);
        assertEquals(new ProductChanged(product.id().toString(), product.version(), "tee", "Tee", "ACTIVE", "Acme",
                "shirts", null, NOW, List.of(new ProductChanged.Variant("TEE-S", new MonetaryAmount(1500L, "EUR"),
                        Map.of("size", "S")),
                        new ProductChanged.Variant("TEE-M", new MonetaryAmount(1600L, "EUR"),
                                Map.of("size", "M")))),
                changed);
    }

    @Test
    void aDemoProductSaysSoAndMissingBrandAndCategoryAreNull() {
        String json = EventJson.write(ProductChangedEvent.of(tee(null, null), ProductChanged.DEMO));
        assertTrue(json.contains("\"origin\":\"demo\""), json);
        assertTrue(json.contains("\"brand\":null"), json);
        assertTrue(json.contains("\"category\":null"), json);
        assertTrue(json.contains("\"updatedAt\":\"2026-11-24T10:15:30Z\""), json);
        assertTrue(json.contains("\"price\":{\"amount\":1500,\"currency\":\"EUR\"}"), json);
        assertEquals(ProductChanged.DEMO, EventJson.read(json, ProductChanged.CONTRACT).origin());
    }
}
