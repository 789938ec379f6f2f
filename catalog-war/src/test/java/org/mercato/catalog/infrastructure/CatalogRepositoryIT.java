package org.mercato.catalog.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.Money;
import org.mercato.platform.testing.PostgresUnit;

/** The catalog repository and its Flyway schema on a real PostgreSQL 17. */
class CatalogRepositoryIT {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static PostgresUnit db;

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("catalog-it", "catalog", CatalogRepositoryIT.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private void inTransaction(Consumer<EntityManager> work) {
        db.inTransaction(work);
    }

    private static Product product(String name, Category category, String... skus) {
        List<ProductDraft.VariantDraft> variants = java.util.Arrays.stream(skus)
                .map(sku -> new ProductDraft.VariantDraft(sku, Map.of("size", sku.substring(sku.length() - 1)),
                        new Money(2500, "EUR")))
                .toList();
        return Product.create(new ProductDraft(name, null, "Soft and warm", "Nordic", category == null
                ? null
                : category.id(), ProductStatus.ACTIVE, Map.of("material", "wool"), null, variants), category,
                () -> "GEN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), NOW);
    }

    @Test
    void storesAProductWithItsVariantsAttributesAndCategory() {
        Category fashion = new Category("Fashion", null, null, 0);
        Category knitwear = new Category("Knitwear", null, fashion, 1);
        Product sweater = product("Wool Sweater", knitwear, "SWT-S", "SWT-M");
        inTransaction(em -> {
            var repository = new JpaCatalogRepository(em);
            repository.add(fashion);
            repository.add(knitwear);
            repository.add(sweater);
        });
        inTransaction(em -> {
            var repository = new JpaCatalogRepository(em);
            Product found = repository.findProductBySlug("wool-sweater").orElseThrow();
            assertEquals(sweater.id(), found.id());
            assertEquals(List.of("SWT-S", "SWT-M"), found.variants().stream().map(v -> v.sku()).toList());
            assertEquals("M", found.variants().get(1).attributes().get("size"));
            assertEquals("wool", found.attributes().get("material"));
            assertEquals("knitwear", found.category().slug());
            assertEquals("fashion", found.category().parent().slug());
            assertTrue(repository.skuTaken("SWT-M"));
            assertFalse(repository.skuTaken("SWT-XL"));
            assertTrue(repository.slugTaken("wool-sweater", UUID.randomUUID()));
            assertFalse(repository.slugTaken("wool-sweater", sweater.id()));
            assertEquals(2, repository.categories().stream()
                    .filter(c -> c.slug().equals("fashion") || c.slug().equals("knitwear")).count());
        });
    }

    @Test
    void theDatabaseRefusesADuplicateSku() {
        inTransaction(em -> new JpaCatalogRepository(em).add(product("Scarf", null, "DUP-1")));
        assertThrows(RuntimeException.class,
                () -> inTransaction(em -> new JpaCatalogRepository(em).add(product("Other Scarf", null, "DUP-1"))));
    }

    @Test
    void aConcurrentEditLosesWithAnOptimisticLockError() {
        Product hat = product("Wool Hat", null, "HAT-1");
        inTransaction(em -> new JpaCatalogRepository(em).add(hat));
        long[] stored = new long[1];
        inTransaction(em -> stored[0] = em.find(Product.class, hat.id()).version());
        EntityManager first = db.entityManager();
        EntityManager second = db.entityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            Product a = first.find(Product.class, hat.id());
            Product b = second.find(Product.class, hat.id());
            a.archive(NOW.plusSeconds(1));
            b.archive(NOW.plusSeconds(2));
            first.getTransaction().commit();
            RollbackException lost = assertThrows(RollbackException.class, () -> second.getTransaction().commit());
            assertTrue(lost.getCause() instanceof OptimisticLockException, String.valueOf(lost.getCause()));
        } finally {
            first.close();
            second.close();
        }
        // exactly one of the two edits was stored
        inTransaction(em -> assertEquals(stored[0] + 1, em.find(Product.class, hat.id()).version()));
    }

    @Test
    void anEditTakingAnotherProductsSkuIsFoundTakenWithoutFlushingIt() {
        Product lamp = product("Desk Lamp", null, "TAKEN-1");
        Product chair = product("Desk Chair", null, "CHAIR-1");
        inTransaction(em -> List.of(lamp, chair).forEach(new JpaCatalogRepository(em)::add));
        inTransaction(em -> {
            var repository = new JpaCatalogRepository(em);
            Product edited = repository.findProduct(chair.id()).orElseThrow();
            edited.revise(new ProductDraft("Desk Chair", "desk-lamp", null, null, null, ProductStatus.ACTIVE,
                    Map.of(), null, List.of(new ProductDraft.VariantDraft("TAKEN-1", Map.of(), new Money(100,
                            "EUR")))),
                    null, () -> "GEN-X", NOW.plusSeconds(1));
            // the checks ask the database, which still has the stored state: no flush of the edit, no 500
            assertTrue(repository.slugTaken("desk-lamp", chair.id()));
            assertTrue(repository.skuTaken("TAKEN-1"));
            em.clear();
        });
    }

    @Test
    void twoEditsOfOneVersionAtOnceLoseAsAStaleVersionAtTheFlush() {
        Product hat = product("Felt Hat", null, "FELT-1");
        inTransaction(em -> new JpaCatalogRepository(em).add(hat));
        EntityManager first = db.entityManager();
        EntityManager second = db.entityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            Product a = first.find(Product.class, hat.id());
            Product b = second.find(Product.class, hat.id());
            a.archive(NOW.plusSeconds(1));
            b.archive(NOW.plusSeconds(2));
            new JpaCatalogRepository(first).flush();
            first.getTransaction().commit();
            assertThrows(org.mercato.catalog.domain.StaleProductException.class,
                    () -> new JpaCatalogRepository(second).flush());
        } finally {
            if (second.getTransaction().isActive()) {
                second.getTransaction().rollback();
            }
            first.close();
            second.close();
        }
    }

    @Test
    void aSkuTakenByAnotherRequestAtTheSameTimeIsADuplicateAtTheFlush() {
        EntityManager first = db.entityManager();
        EntityManager second = db.entityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            // both checked before either stored
            assertFalse(new JpaCatalogRepository(first).skuTaken("RACE-1"));
            assertFalse(new JpaCatalogRepository(second).skuTaken("RACE-1"));
            new JpaCatalogRepository(first).add(product("Race Scarf", null, "RACE-1"));
            new JpaCatalogRepository(first).flush();
            first.getTransaction().commit();
            new JpaCatalogRepository(second).add(product("Other Race Scarf", null, "RACE-1"));
            var lost = assertThrows(org.mercato.catalog.domain.DuplicateException.class,
                    () -> new JpaCatalogRepository(second).flush());
            assertEquals("a SKU of this product was given to another product meanwhile", lost.getMessage());
        } finally {
            if (second.getTransaction().isActive()) {
                second.getTransaction().rollback();
            }
            first.close();
            second.close();
        }
    }

    @Test
    void imagesAreStoredInOrderAndRemovedWithTheirProductChange() {
        Product scarf = product("Silk Scarf", null, "SCF-1");
        java.util.UUID first = java.util.UUID.randomUUID();
        java.util.UUID second = java.util.UUID.randomUUID();
        scarf.addImage(first, null, new org.mercato.catalog.domain.ImageFile(org.mercato.catalog.domain.ImageFormat.PNG,
                120, "a".repeat(64), 800, 600), "Folded", NOW);
        scarf.addImage(second, "SCF-1", new org.mercato.catalog.domain.ImageFile(
                org.mercato.catalog.domain.ImageFormat.WEBP, 340, "b".repeat(64), 1600, 1200), null, NOW);
        inTransaction(em -> new JpaCatalogRepository(em).add(scarf));
        inTransaction(em -> {
            var repository = new JpaCatalogRepository(em);
            Product found = repository.findProduct(scarf.id()).orElseThrow();
            assertEquals(List.of(first, second), found.images().stream().map(i -> i.id()).toList());
            assertEquals("SCF-1", repository.findImage(second).orElseThrow().sku());
            assertEquals(org.mercato.catalog.domain.ImageFormat.WEBP,
                    repository.findImage(second).orElseThrow().format());
            assertEquals(1600, repository.findImage(second).orElseThrow().width());
            assertEquals(1200, repository.findImage(second).orElseThrow().height());
            var main = repository.mainImages(List.of(scarf.id(), UUID.randomUUID()));
            assertEquals(java.util.Set.of(scarf.id()), main.keySet(), "one per product that has pictures");
            assertEquals(first, main.get(scarf.id()).id(), "the first by position");
            found.removeImage(first, NOW.plusSeconds(1));
        });
        inTransaction(em -> {
            var repository = new JpaCatalogRepository(em);
            assertTrue(repository.findImage(first).isEmpty(), "orphan removal deletes the row");
            assertEquals(0, repository.findImage(second).orElseThrow().position());
            assertEquals(second, repository.mainImages(List.of(scarf.id())).get(scarf.id()).id());
        });
    }

    @Test
    void findsDemoProductsWithoutPicturesBySkuRangeAndPicturesWithoutSize() {
        Product first = product("Demo Lamp", null, "DQQ-000001-1", "DQQ-000001-2");
        Product second = product("Demo Chair", null, "DQQ-000002-1");
        Product pictured = product("Demo Sofa", null, "DQQ-000003-1");
        Product beyond = product("Demo Table", null, "DQQ-000004-1");
        UUID picture = UUID.randomUUID();
        pictured.addImage(picture, null, new org.mercato.catalog.domain.ImageFile(
                org.mercato.catalog.domain.ImageFormat.JPEG, 10, "c".repeat(64), 1200, 1200), null, NOW);
        inTransaction(em -> List.of(first, second, pictured, beyond).forEach(new JpaCatalogRepository(em)::add));
        inTransaction(em -> {
            var repository = new JpaCatalogRepository(em);
            List<UUID> found = repository.productsWithoutImages("DQQ-000000", "DQQ-000004", null, 10).stream()
                    .map(Product::id).toList();
            // PostgreSQL orders uuids byte by byte, as their text sorts (not as UUID.compareTo, which is signed)
            List<UUID> expected = java.util.stream.Stream.of(first.id(), second.id())
                    .sorted(java.util.Comparator.comparing(UUID::toString)).toList();
            assertEquals(expected, found, "in id order, without the pictured one and the one past the range");
            assertEquals(expected.subList(1, 2), repository.productsWithoutImages("DQQ-000000", "DQQ-000004",
                    expected.get(0), 10).stream().map(Product::id).toList());
            assertTrue(repository.imagesWithoutSize(10).isEmpty());
            em.createNativeQuery("update product_image set width = null, height = null where id = ?")
                    .setParameter(1, picture).executeUpdate();
        });
        inTransaction(em -> {
            var repository = new JpaCatalogRepository(em);
            List<org.mercato.catalog.domain.ProductImage> unmeasured = repository.imagesWithoutSize(10);
            assertEquals(List.of(picture), unmeasured.stream().map(i -> i.id()).toList());
            unmeasured.get(0).measured(800, 600);
        });
        inTransaction(em -> assertEquals(800, new JpaCatalogRepository(em).findImage(picture).orElseThrow().width()));
    }

    @Test
    void stockNewsAboutOneProductTakeTurnsSoAnOlderOneCannotOverwriteANewer() throws Exception {
        inTransaction(em -> new JpaCatalogRepository(em).add(product("Turn Mug", null, "TURN-MUG-1")));
        CountDownLatch commitNewer = new CountDownLatch(1);
        CompletableFuture<Void> newer = holding(em -> assertTrue(new JpaCatalogRepository(em)
                .lockProductBySku("TURN-MUG-1").orElseThrow().availability("TURN-MUG-1", true, NOW.plusSeconds(2))),
                commitNewer);
        // older news, applied meanwhile by the other consumer session: it waits for the newer one's commit and then
        // reads it, so it changes nothing (a plain read would have seen the old state and overwritten the newer)
        CompletableFuture<Boolean> older = CompletableFuture.supplyAsync(() -> {
            boolean[] changed = {true};
            inTransaction(em -> changed[0] = new JpaCatalogRepository(em).lockProductBySku("TURN-MUG-1")
                    .orElseThrow().availability("TURN-MUG-1", false, NOW.plusSeconds(1)));
            return changed[0];
        });
        db.awaitLockWaiter(null, Duration.ofSeconds(10));
        commitNewer.countDown();
        newer.get(10, TimeUnit.SECONDS);
        assertFalse(older.get(10, TimeUnit.SECONDS), "the older news was applied over the newer");
        inTransaction(em -> assertTrue(new JpaCatalogRepository(em).findProductBySku("TURN-MUG-1").orElseThrow()
                .inStock()));
    }

    @Test
    void aChangeOfAProductWaitsForTheRebuildPageThatReadIt() throws Exception {
        inTransaction(em -> new JpaCatalogRepository(em).add(product("Paged Mug", null, "PAGE-MUG-1")));
        CountDownLatch pageWritten = new CountDownLatch(1);
        CompletableFuture<Void> rebuild = holding(em -> new JpaCatalogRepository(em).lockProductsAfter(null, 100_000),
                pageWritten);
        CompletableFuture<Void> news = CompletableFuture.runAsync(() -> inTransaction(
                em -> new JpaCatalogRepository(em).lockProductBySku("PAGE-MUG-1").orElseThrow()
                        .availability("PAGE-MUG-1", true, NOW)));
        db.awaitLockWaiter(null, Duration.ofSeconds(10));
        assertFalse(news.isDone(), "the change went ahead while the rebuild's page was being written");
        pageWritten.countDown();
        rebuild.get(10, TimeUnit.SECONDS);
        news.get(10, TimeUnit.SECONDS);
        // a page does not lock out readers
        inTransaction(em -> assertTrue(new JpaCatalogRepository(em).findProductBySku("PAGE-MUG-1").orElseThrow()
                .inStock()));
    }

    /**
     * Runs {@code work} in a transaction of its own on another thread and keeps that transaction open (its locks
     * held) until {@code release} counts down; returns once the work has run.
     */
    private CompletableFuture<Void> holding(Consumer<EntityManager> work, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> inTransaction(em -> {
            work.accept(em);
            ran.countDown();
            await(release);
        }));
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        return held;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

}
