package org.mercato.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductDraft;

class DemoCatalogTest {

    @Test
    void theSameSeedGivesTheSameCatalog() {
        assertEquals(DemoCatalog.product(42, 7), DemoCatalog.product(42, 7));
        assertNotEquals(DemoCatalog.product(42, 7).draft().name(), DemoCatalog.product(43, 7).draft().name());
    }

    @Test
    void everyProductIsValidWithUniqueSkusAndSlugs() {
        Set<String> skus = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        Set<String> departments = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            DemoCatalog.DemoProduct demo = DemoCatalog.product(42, i);
            ProductDraft draft = demo.draft();
            // the aggregate accepts it: names, prices, SKUs and attributes keep the catalog's rules
            Product product = Product.create(draft, null, () -> {
                throw new AssertionError("demo variants carry their SKUs");
            }, Instant.EPOCH);
            assertTrue(slugs.add(product.slug()), product.slug());
            product.variants().forEach(v -> assertTrue(skus.add(v.sku()), v.sku()));
            assertTrue(product.variants().get(0).price().amount() > 0);
            departments.add(demo.department().name());
        }
        assertEquals(DemoCatalog.DEPARTMENTS.size(), departments.size());
        assertTrue(skus.size() > 5_000, "products have several variants");
    }

    @Test
    void canNameAHundredThousandProducts() {
        DemoCatalog.DemoProduct last = DemoCatalog.product(42, 99_999);
        assertTrue(last.draft().slug().endsWith("-99999"));
    }
}
