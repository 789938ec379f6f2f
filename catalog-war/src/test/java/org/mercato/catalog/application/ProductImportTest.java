package org.mercato.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.enterprise.concurrent.ManagedExecutorService;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.Money;

/** The import's own checks and its storing, with a fake catalog behind it and the job run at once. */
class ProductImportTest {

    private static final UUID COOKWARE = UUID.randomUUID();

    /** A catalog that knows one category and one taken SKU, and whose database may refuse a product. */
    static final class FakeCatalog extends CatalogService {
        final List<String> stored = new ArrayList<>();
        String refusedSlug;

        FakeCatalog() {
            shopCurrency = "EUR";
        }

        @Override
        public int importBatch(List<ProductDraft> drafts, boolean announce) {
            if (drafts.stream().anyMatch(d -> d.slug().equals(refusedSlug))) {
                throw new IllegalStateException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 Where:"
                        + " unnamed portal parameter $5 = 'secret row data'");
            }
            drafts.forEach(d -> stored.add(d.slug()));
            return drafts.size();
        }

        @Override
        public boolean slugExists(String slug) {
            return slug.equals("taken");
        }

        @Override
        public boolean skuExists(String sku) {
            return sku.equals("TAKEN-1");
        }

        @Override
        public Optional<UUID> categoryIdBySlug(String slug) {
            return slug.equals("cookware") ? Optional.of(COOKWARE) : Optional.empty();
        }
    }

    private final FakeCatalog catalog = new FakeCatalog();
    private final ProductImport imports = new ProductImport();

    @BeforeEach
    void wire() {
        imports.catalog = catalog;
        imports.clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        // the job runs in the caller's thread, so it is done when start returns
        imports.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("submit") && args[0] instanceof Runnable task) {
                        task.run();
                        return CompletableFuture.completedFuture(null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ProductImport.Item item(int line, String slug, String category, String... skus) {
        List<ProductDraft.VariantDraft> variants = new ArrayList<>();
        for (String sku : skus) {
            variants.add(new ProductDraft.VariantDraft(sku, Map.of(), new Money(100, "EUR")));
        }
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < skus.length; i++) {
            lines.add(line + i);
        }
        return new ProductImport.Item(line, new ProductDraft("Product " + slug, slug, null, null, null,
                ProductStatus.ACTIVE, Map.of(), null, variants), category, lines);
    }

    private Map<Integer, String> rejected(ProductImport.Status status) {
        return status.rejected().stream().collect(Collectors.toMap(ProductImport.Rejection::line,
                ProductImport.Rejection::message));
    }

    @Test
    void aProductTheDatabaseRefusesIsReportedWithoutTheDatabasesWords() {
        catalog.refusedSlug = "refused";
        ProductImport.Status started = imports.start(List.of(item(2, "good", "cookware", "GOOD-1"),
                item(3, "refused", null, "REF-1")), List.of());
        ProductImport.Status done = imports.status(started.id()).orElseThrow();
        assertEquals("DONE", done.state());
        assertEquals(1, done.imported());
        assertEquals(Map.of(3, ProductImport.NOT_STORED), rejected(done));
        assertFalse(done.rejected().toString().contains("UTF8"), done.rejected().toString());
        assertEquals(List.of("good"), catalog.stored);
    }

    @Test
    void catalogRulesAreCheckedFirstAndNameTheFieldOnTheRowsLine() {
        ProductImport.Status started = imports.start(List.of(
                item(2, "tee", null, "TEE-S", "TEE-M"),
                item(4, "twin", null, "TEE-M"),
                item(5, "nowhere", "no-such-category", "NOW-1"),
                item(6, "markup", "<img src=x>", "MAR-1"),
                item(7, "taken", null, "TKN-1"),
                item(8, "other", null, "OTH-1", "TAKEN-1"),
                item(10, "no-sku", null, " "),
                item(11, "usd", null, "USD-1")),
                List.of(new ProductImport.Rejection(3, "name: must not be blank")));
        Map<Integer, String> rejected = rejected(imports.status(started.id()).orElseThrow());
        assertEquals("sku: SKU TEE-M appears twice in the file", rejected.get(4));
        assertEquals("category: unknown category no-such-category", rejected.get(5));
        assertEquals("category: must be a category's slug", rejected.get(6));
        assertEquals("slug: a product with slug taken exists", rejected.get(7));
        assertEquals("sku: SKU TAKEN-1 belongs to another product", rejected.get(9), "the variant's own line");
        assertEquals("sku: is required", rejected.get(10));
        assertEquals("name: must not be blank", rejected.get(3), "refusals of the interfaces are reported too");
        assertEquals(List.of("tee", "usd"), catalog.stored);
        List<Integer> lines = imports.status(started.id()).orElseThrow().rejected().stream()
                .map(ProductImport.Rejection::line).toList();
        assertEquals(lines.stream().sorted().toList(), lines, "by line");
    }

    @Test
    void theAggregatesRulesApplyAsOnTheProductApi() {
        ProductImport.Status started = imports.start(List.of(new ProductImport.Item(2, new ProductDraft(
                "\u200b\u2060", "invisible", null, null, null, ProductStatus.ACTIVE, Map.of(), null, List.of(
                        new ProductDraft.VariantDraft("INV-1", Map.of(), new Money(100, "EUR")))),
                null, List.of(2)),
                new ProductImport.Item(3, new ProductDraft("Expensive", "expensive", null, null, null,
                        ProductStatus.ACTIVE, Map.of(), null, List.of(new ProductDraft.VariantDraft("EXP-1",
                                Map.of(), new Money(100_000_001, "EUR")))),
                        null, List.of(3))),
                List.of());
        Map<Integer, String> rejected = rejected(imports.status(started.id()).orElseThrow());
        assertTrue(rejected.get(2).contains("name"), rejected.get(2));
        assertTrue(rejected.get(3).contains("at most 100000000"), rejected.get(3));
        assertTrue(catalog.stored.isEmpty());
    }

    @Test
    void pricesInAnotherCurrencyAreRejected() {
        ProductImport.Status started = imports.start(List.of(new ProductImport.Item(2, new ProductDraft("Dollar",
                "dollar", null, null, null, ProductStatus.ACTIVE, Map.of(), null, List.of(
                        new ProductDraft.VariantDraft("DOL-1", Map.of(), new Money(100, "USD")))),
                null, List.of(2))),
                List.of());
        String message = imports.status(started.id()).orElseThrow().rejected().get(0).message();
        assertTrue(message.contains("USD"), message);
        assertTrue(catalog.stored.isEmpty());
    }
}
