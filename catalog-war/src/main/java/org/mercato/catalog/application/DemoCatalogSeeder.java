package org.mercato.catalog.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.ProductDraft;

/**
 * At the first start of a shop with an empty catalog, fills it with the demo catalog when
 * {@code mercato.catalog.demo-products} (MERCATO_CATALOG_DEMO_PRODUCTS) is above 0; embedded mode sets it.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoCatalogSeeder {

    private static final Logger LOG = Logger.getLogger(DemoCatalogSeeder.class.getName());
    private static final int BATCH = 250;

    @Inject
    CatalogService catalog;

    @Inject
    @ConfigProperty(name = "mercato.catalog.demo-products", defaultValue = "0")
    int products;

    @Inject
    @ConfigProperty(name = "mercato.catalog.demo-seed", defaultValue = "42")
    long seed;

    @PostConstruct
    void seedIfEmpty() {
        if (products <= 0 || catalog.productCount() > 0) {
            return;
        }
        long started = System.nanoTime();
        LOG.info(() -> "Seeding the demo catalog: " + products + " products (seed " + seed + ")");
        Map<String, UUID> categories = createCategories();
        int nextReport = products / 10;
        for (int from = 0; from < products; from += BATCH) {
            int to = Math.min(products, from + BATCH);
            List<ProductDraft> batch = new java.util.ArrayList<>();
            for (int i = from; i < to; i++) {
                DemoCatalog.DemoProduct demo = DemoCatalog.product(seed, i);
                ProductDraft d = demo.draft();
                batch.add(new ProductDraft(d.name(), d.slug(), d.description(), d.brand(),
                        categories.get(demo.department().name()), d.status(), d.attributes(), d.price(),
                        d.variants()));
            }
            // the index is built from the database right after (ProductIndex), so no per-product indexing
            catalog.importBatch(batch, false);
            if (to >= nextReport || to == products) {
                int done = to;
                LOG.info(() -> "Demo catalog: " + done + "/" + products + " products");
                nextReport = to + Math.max(1, products / 10);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000L;
        LOG.info(() -> "Demo catalog ready: " + products + " products in " + millis + " ms");
    }

    private Map<String, UUID> createCategories() {
        Map<String, UUID> ids = new HashMap<>();
        int position = 0;
        for (DemoCatalog.Department department : DemoCatalog.DEPARTMENTS) {
            if (!ids.containsKey(department.parent())) {
                Category parent = catalog.createCategory(department.parent(), null, null, position++);
                ids.put(department.parent(), parent.id());
            }
            Category leaf = catalog.createCategory(department.name(), null, ids.get(department.parent()),
                    position++);
            ids.put(department.name(), leaf.id());
        }
        return ids;
    }
}
