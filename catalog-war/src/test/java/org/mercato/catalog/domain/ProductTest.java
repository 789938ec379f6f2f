package org.mercato.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.Money;

class ProductTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final AtomicInteger skus = new AtomicInteger();
    private final Supplier<String> newSku = () -> "SKU-" + skus.incrementAndGet();

    private static ProductDraft simple(String name, Money price) {
        return new ProductDraft(name, null, "A fine thing", "Acme", null, ProductStatus.ACTIVE,
                Map.of("material", "cotton"), price, List.of());
    }

    @Test
    void aProductWithoutVariantsGetsOneDefaultVariantWithItsOwnSku() {
        Product product = Product.create(simple("Crème Brûlée Set", new Money(1999, "EUR")), null, newSku, NOW);
        assertEquals("creme-brulee-set", product.slug());
        assertEquals(1, product.variants().size());
        assertEquals("SKU-1", product.variants().get(0).sku());
        assertEquals(new Money(1999, "EUR"), product.variants().get(0).price());
        assertTrue(product.isVisibleToShoppers());
    }

    @Test
    void theDefaultVariantKeepsItsSkuAcrossEdits() {
        Product product = Product.create(simple("Mug", new Money(900, "EUR")), null, newSku, NOW);
        product.revise(simple("Big Mug", new Money(1100, "EUR")), null, newSku, NOW.plusSeconds(5));
        assertEquals("SKU-1", product.variants().get(0).sku());
        assertEquals(1100, product.variants().get(0).price().amount());
        assertEquals("big-mug", product.slug());
    }

    @Test
    void variantsAreMatchedBySkuAddedAndRemoved() {
        ProductDraft draft = new ProductDraft("Tee", null, null, null, null, ProductStatus.ACTIVE, null, null,
                List.of(new ProductDraft.VariantDraft("TEE-S", Map.of("size", "S"), new Money(1500, "EUR")),
                        new ProductDraft.VariantDraft("TEE-M", Map.of("size", "M"), new Money(1500, "EUR"))));
        Product product = Product.create(draft, null, newSku, NOW);
        ProductDraft revised = new ProductDraft("Tee", null, null, null, null, ProductStatus.ACTIVE, null, null,
                List.of(new ProductDraft.VariantDraft("TEE-M", Map.of("size", "M"), new Money(1600, "EUR")),
                        new ProductDraft.VariantDraft(null, Map.of("size", "L"), new Money(1700, "EUR"))));
        product.revise(revised, null, newSku, NOW);
        assertEquals(List.of("TEE-M", "SKU-1"), product.variants().stream().map(Variant::sku).toList());
        assertEquals(1600, product.variants().get(0).price().amount());
    }

    @Test
    void refusesWhatBreaksTheRules() {
        assertThrows(InvalidProductException.class,
                () -> Product.create(simple(" ", new Money(1, "EUR")), null, newSku, NOW));
        assertThrows(InvalidProductException.class,
                () -> Product.create(simple("No price", null), null, newSku, NOW));
        assertThrows(InvalidProductException.class,
                () -> Product.create(simple("Negative", new Money(-1, "EUR")), null, newSku, NOW));
        ProductDraft twice = new ProductDraft("Twice", null, null, null, null, null, null, null,
                List.of(new ProductDraft.VariantDraft("A", Map.of(), new Money(1, "EUR")),
                        new ProductDraft.VariantDraft("A", Map.of(), new Money(2, "EUR"))));
        assertThrows(InvalidProductException.class, () -> Product.create(twice, null, newSku, NOW));
        ProductDraft badSku = new ProductDraft("Bad", null, null, null, null, null, null, null,
                List.of(new ProductDraft.VariantDraft("lower case", Map.of(), new Money(1, "EUR"))));
        assertThrows(InvalidProductException.class, () -> Product.create(badSku, null, newSku, NOW));
        ProductDraft badSlug = new ProductDraft("Bad", "Not A Slug", null, null, null, null, null,
                new Money(1, "EUR"), List.of());
        assertThrows(InvalidProductException.class, () -> Product.create(badSlug, null, newSku, NOW));
    }

    @Test
    void archivingHidesTheProductAndEditingCannotArchive() {
        Product product = Product.create(simple("Lamp", new Money(4500, "EUR")), null, newSku, NOW);
        ProductDraft archived = new ProductDraft("Lamp", null, null, null, null, ProductStatus.ARCHIVED, null,
                new Money(4500, "EUR"), List.of());
        assertThrows(InvalidProductException.class, () -> product.revise(archived, null, newSku, NOW));
        product.archive(NOW);
        assertFalse(product.isVisibleToShoppers());
        assertEquals(ProductStatus.ARCHIVED, product.status());
    }

    @Test
    void aStaleVersionIsRefused() {
        Product product = Product.create(simple("Chair", new Money(9900, "EUR")), null, newSku, NOW);
        product.requireVersion(0);
        assertThrows(StaleProductException.class, () -> product.requireVersion(1));
    }

    @Test
    void slugsFoldAccentsAndPunctuation() {
        assertEquals("sneakers-x-ultra-2", Slugs.of("  Sneakers X — Ultra 2! "));
        assertEquals("item", Slugs.of("!!!"));
    }

    @Test
    void availabilityFollowsTheNewestNewsOnly() {
        Product product = Product.create(simple("Kettle", new Money(3900, "EUR")), null, newSku, NOW);
        String sku = product.variants().get(0).sku();
        assertFalse(product.inStock(), "unknown stock is not in stock");
        assertTrue(product.availability(sku, true, NOW.plusSeconds(10)));
        assertTrue(product.inStock());
        assertFalse(product.availability(sku, false, NOW.plusSeconds(5)), "older news arriving late");
        assertTrue(product.inStock());
        assertFalse(product.availability(sku, true, NOW.plusSeconds(10)), "the same news twice");
        assertTrue(product.availability(sku, false, NOW.plusSeconds(11)));
        assertFalse(product.inStock());
        assertFalse(product.availability("NO-SUCH-SKU", true, NOW.plusSeconds(12)));
    }
}
