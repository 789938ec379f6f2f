package org.mercato.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.Money;

class DemoPicturesJobTest {

    private static Product product(String name, Map<String, String> attributes, List<Map<String, String>> variants) {
        Category lighting = new Category("Lighting", null, null, 0);
        List<ProductDraft.VariantDraft> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            drafts.add(new ProductDraft.VariantDraft("SKU-" + i, variants.get(i), new Money(1000, "EUR")));
        }
        return Product.create(new ProductDraft(name, null, null, "Glow", null, ProductStatus.ACTIVE, attributes,
                null, drafts), lighting, () -> "GEN", Instant.EPOCH);
    }

    @Test
    void variantsInColoursGetAPictureEachTiedToTheirSku() {
        Product lamp = product("Glow Desk Lamp 1", Map.of(), List.of(Map.of("colour", "Black"),
                Map.of("colour", "Brass"), Map.of("colour", "White"), Map.of("colour", "Red")));
        List<DemoPicturesJob.Planned> planned = DemoPicturesJob.plan(lamp);
        assertEquals(List.of("SKU-0", "SKU-1", "SKU-2"), planned.stream().map(DemoPicturesJob.Planned::sku).toList(),
                "at most three");
        assertEquals(List.of("Black", "Brass", "White"), planned.stream().map(p -> p.subject().colour()).toList());
        assertEquals("Lighting", planned.get(0).subject().category());
        assertEquals("Glow", planned.get(0).subject().brand());
        assertEquals("Glow Desk Lamp 1 in brass", planned.get(1).alt());
    }

    @Test
    void otherProductsGetOneToThreeViewsInTheirColour() {
        Set<Integer> counts = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Product shirt = product("Basics Tee " + i, Map.of("colour", "yellow"), List.of(Map.of("size", "S"),
                    Map.of("size", "M")));
            List<DemoPicturesJob.Planned> planned = DemoPicturesJob.plan(shirt);
            assertTrue(planned.size() >= 1 && planned.size() <= 3, planned.toString());
            assertEquals(planned, DemoPicturesJob.plan(shirt), "the same plan every time");
            for (int view = 0; view < planned.size(); view++) {
                assertNull(planned.get(view).sku());
                assertEquals(view, planned.get(view).subject().view());
                assertEquals("yellow", planned.get(view).subject().colour());
                assertEquals(shirt.slug(), planned.get(view).subject().seed());
            }
            counts.add(planned.size());
        }
        assertEquals(Set.of(1, 2, 3), counts);
    }

    @Test
    void demoSkusSortInTheGeneratedOrder() {
        assertEquals("D16-000042", DemoCatalog.skuStem(42, 42));
        assertTrue(DemoCatalog.product(42, 1999).draft().variants().get(0).sku().compareTo(DemoCatalog.skuStem(42,
                2000)) < 0);
        assertTrue(DemoCatalog.product(42, 2000).draft().variants().get(0).sku().compareTo(DemoCatalog.skuStem(42,
                2000)) >= 0);
    }
}
