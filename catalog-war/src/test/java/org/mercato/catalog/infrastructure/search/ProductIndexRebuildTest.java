package org.mercato.catalog.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.catalog.application.ProductSearch;
import org.mercato.catalog.application.ReindexRunningException;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.Money;

/**
 * Rebuilding the embedded Lucene index while it is in use: one rebuild at a time (a second is refused at once), and
 * rebuilds back to back while committed changes are indexed and shoppers search, without an index error.
 */
class ProductIndexRebuildTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private Path directory;
    private ProductSearchEngine engine;

    @BeforeEach
    void open() throws Exception {
        directory = Files.createTempDirectory("catalog-index-");
        engine = new ProductSearchEngine(SearchBackend.lucene(directory));
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static ProductDocument document(int n) {
        return ProductDocument.of(Product.create(new ProductDraft("Lamp " + n, null, null, "Lumo", null,
                ProductStatus.ACTIVE, Map.of(), new Money(1000 + n, "EUR"), List.of()), null, () -> "LMP-" + n,
                NOW));
    }

    /** The catalog: 50 products (a change re-indexes one of them, under its id). */
    private static final List<ProductDocument> CATALOG = java.util.stream.IntStream.range(0, 50)
            .mapToObj(ProductIndexRebuildTest::document).toList();

    /** Pages of 10 of the catalog's documents, {@code pages} of them. */
    private static List<ProductDocument> page(int n, int pages) {
        List<ProductDocument> page = new ArrayList<>();
        if (n < pages) {
            for (int i = 0; i < 10; i++) {
                page.add(CATALOG.get(n * 10 + i));
            }
        }
        return page;
    }

    private long shopperHits() {
        return engine.search(new ProductSearch.Query("lamp", null, null, List.of(), null, null,
                ProductSearch.Sort.RELEVANCE, 0, 5)).total();
    }

    @Test
    void aSecondRebuildWhileOneRunsIsRefusedAndTheFirstCompletes() throws Exception {
        CountDownLatch firstPageAsked = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> first = pool.submit(() -> engine.rebuild(n -> {
                if (n == 0) {
                    firstPageAsked.countDown();
                    await(goOn);
                }
                return page(n, 3);
            }, done -> {
            }));
            assertTrue(firstPageAsked.await(30, TimeUnit.SECONDS));
            assertThrows(ReindexRunningException.class, () -> engine.rebuild(n -> page(n, 1), done -> {
            }));
            goOn.countDown();
            assertEquals(30, first.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, engine.count());
        assertEquals(30, engine.rebuild(n -> page(n, 3), done -> {
        }), "free again once the first is done");
    }

    @Test
    void rebuildsBackToBackWhileChangesAreIndexedAndShoppersSearch() throws Exception {
        engine.rebuild(n -> page(n, 5), done -> {
        });
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> changes = pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    engine.index(List.of(CATALOG.get(i % 50)));
                }
                return null;
            });
            Future<?> shoppers = pool.submit(() -> {
                while (running.get()) {
                    shopperHits();
                    engine.suggest("lam", 8);
                }
                return null;
            });
            for (int i = 0; i < 5; i++) {
                assertEquals(50, engine.rebuild(n -> page(n, 5), done -> {
                }));
            }
            running.set(false);
            // neither the indexing nor the searching threads met an index error
            changes.get(60, TimeUnit.SECONDS);
            shoppers.get(60, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        engine.refresh();
        assertEquals(50, engine.count());
        assertEquals(50, shopperHits());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
