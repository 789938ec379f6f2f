package org.mercato.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.infrastructure.JpaCatalogRepository;
import org.mercato.catalog.infrastructure.events.ProductChangedEvent;
import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.ProductChanged;
import org.mercato.messaging.outbox.OutboxMessage;
import org.mercato.platform.testing.PostgresUnit;

/**
 * Seeds the demo catalog on a real PostgreSQL 17 through {@link DemoCatalogSeeder#seedProducts} and
 * {@link CatalogService#importBatch}, one transaction per batch as in the server, and prints the seconds per 1,000
 * products of the first and last batches (time per batch must stay flat as the tables grow; the figures are in
 * the README). Asserts behaviour only: every product stored once, unique slugs and SKUs, one ProductChanged event
 * per product. {@code -Dmercato.demo-seeding.products=100000} seeds more.
 */
class DemoSeedingIT {

    private static PostgresUnit db;

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("catalog-it", "catalog", DemoSeedingIT.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static CatalogService service(EntityManager em) {
        CatalogService service = new CatalogService();
        service.catalog = new JpaCatalogRepository(em);
        service.clock = Clock.systemUTC();
        service.shopCurrency = "EUR";
        service.changes = new CatalogChanges() {
            public void productChanged(Product p) {
            }
            public void availabilityChanged(Product p, boolean searchEntryChanged) {
            }
            public void productsChanged(List<Product> p) {
            }
            public void productsSeeded(List<Product> products) {
                em.flush();
                for (Product product : products) {
                    em.persist(OutboxMessage.of(ProductChanged.CONTRACT.topic(), EventHeaders.newEvent(
                            ProductChanged.TYPE, ProductChanged.CONTRACT.schemaVersion(), java.time.Instant.now()),
                            EventJson.write(ProductChangedEvent.of(product, ProductChanged.DEMO))));
                }
            }
            public void afterCommit(Runnable a) {
            }
            public void afterRollback(Runnable a) {
            }
            public void catalogChanged() {
            }
        };
        return service;
    }

    @Test
    void seeds() {
        int products = Integer.getInteger("mercato.demo-seeding.products", 20_000);
        Map<String, UUID> categories = new HashMap<>();
        db.inTransaction(em -> {
            int position = 0;
            for (DemoCatalog.Department d : DemoCatalog.DEPARTMENTS) {
                if (!categories.containsKey(d.parent())) {
                    Category c = new Category(d.parent(), null, null, position++);
                    em.persist(c);
                    categories.put(d.parent(), c.id());
                }
                Category leaf = new Category(d.name(), null, em.find(Category.class, categories.get(d.parent())),
                        position++);
                em.persist(leaf);
                categories.put(d.name(), leaf.id());
            }
        });
        long started = System.nanoTime();
        long[] lap = {started};
        List<Double> perThousand = new ArrayList<>();
        DemoCatalogSeeder.seedProducts(42, 0, products, categories,
                batch -> db.inTransaction(em -> service(em).importBatch(batch, false)), done -> {
                    if (done % 1000 == 0) {
                        long now = System.nanoTime();
                        perThousand.add((now - lap[0]) / 1e9);
                        lap[0] = now;
                    }
                });
        double total = (System.nanoTime() - started) / 1e9;
        System.out.printf("DEMO SEEDING %d products in %.1f s; seconds per 1,000: first %s, last %s%n", products,
                total, perThousand.subList(0, Math.min(3, perThousand.size())),
                perThousand.subList(Math.max(0, perThousand.size() - 3), perThousand.size()));
        db.inTransaction(em -> {
            assertEquals((long) products, em.createQuery("select count(p) from Product p", Long.class)
                    .getSingleResult());
            assertEquals((long) products, em.createQuery("select count(distinct p.slug) from Product p", Long.class)
                    .getSingleResult());
            long variants = em.createQuery("select count(v) from Variant v", Long.class).getSingleResult();
            assertEquals(variants, em.createQuery("select count(distinct v.sku) from Variant v", Long.class)
                    .getSingleResult());
            assertEquals((long) products, em.createQuery("select count(m) from OutboxMessage m", Long.class)
                    .getSingleResult(), "one ProductChanged event per product, for inventory's demo stock");
        });
        // what the seeder asks at the next start to go on after a stop
        db.inTransaction(em -> assertEquals((long) products, service(em).demoProductsStored(42, products)));
    }
}
