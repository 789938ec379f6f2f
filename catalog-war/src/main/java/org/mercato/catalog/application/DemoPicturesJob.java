package org.mercato.catalog.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.Variant;

/**
 * Gives the demo catalog its pictures, in the background once the catalog has started (drawing them takes about
 * a tenth of a second each, too long to hold up the start), beginning {@code mercato.catalog.demo-pictures-delay}
 * seconds (MERCATO_CATALOG_DEMO_PICTURES_DELAY, default 30) after start so the services deployed after the catalog
 * in the same server start undisturbed: every demo product without a picture among the first
 * {@code mercato.catalog.demo-pictures} (MERCATO_CATALOG_DEMO_PICTURES, default 2,000) gets one to three, drawn
 * by {@link DemoPictures} and stored through the same checks and store as an upload. A demo product whose
 * pictures were all removed gets them again at the next start.
 */
@Startup
@Singleton
// after the search index has opened (and rebuilt itself on a first start), so its changes index one by one; the
// index depends on DemoCatalogSeeder already: naming it here too makes a diamond, which Payara 6.2025.10 refuses
// as a "Cyclic dependency" and the catalog fails to deploy
@DependsOn("ProductIndex")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoPicturesJob {

    private static final Logger LOG = Logger.getLogger(DemoPicturesJob.class.getName());
    /** Products per transaction: small, so shoppers see pictures arrive and a stop loses little work. */
    private static final int BATCH = 20;

    /** One picture to draw and how to store it. */
    public record Planned(String sku, DemoPictures.Subject subject, String alt) {
    }

    @Inject
    CatalogService catalog;

    @Inject
    DemoPictures pictures;

    @Inject
    DemoCatalogSeeder demoCatalog;

    /**
     * Drawing takes minutes on a busy machine: it runs on a thread of its own, made by the server's managed thread
     * factory, never on the shared scheduled executor, where it would hold up the outbox relays (events, and with
     * them cart clearing and emails, waited until the pictures were done).
     */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "mercato.catalog.demo-products", defaultValue = "0")
    int products;

    @Inject
    @ConfigProperty(name = "mercato.catalog.demo-seed", defaultValue = "42")
    long seed;

    @Inject
    @ConfigProperty(name = "mercato.catalog.demo-pictures", defaultValue = "2000")
    int pictured;

    /** Seconds to wait after start: the other services in the same server deploy first, undisturbed. */
    @Inject
    @ConfigProperty(name = "mercato.catalog.demo-pictures-delay", defaultValue = "30")
    int delaySeconds;

    private volatile boolean stopping;
    private ScheduledExecutorService executor;

    @PostConstruct
    void start() {
        int count = Math.min(products, Math.min(pictured, 999_999));
        if (count <= 0) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = threads.newThread(task);
            thread.setName("mercato-demo-pictures");
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        executor.schedule(() -> drawWhenSeeded(count), Math.max(0, delaySeconds),
                java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Draws once the demo catalog is stored and indexed (a large one is seeded in the background for minutes). */
    private void drawWhenSeeded(int count) {
        if (stopping) {
            return;
        }
        if (!demoCatalog.isSettled()) {
            executor.schedule(() -> drawWhenSeeded(count), 5, java.util.concurrent.TimeUnit.SECONDS);
            return;
        }
        try {
            drawPictures(count);
        } catch (RuntimeException e) {
            // the shop works without them; the next start takes up where this one stopped
            LOG.log(Level.WARNING, "Demo pictures stopped; the next start goes on", e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Draws and stores the pictures of the first {@code count} demo products that have none; logs progress. */
    void drawPictures(int count) {
        String from = DemoCatalog.skuStem(seed, 0);
        String to = DemoCatalog.skuStem(seed, count);
        long started = System.nanoTime();
        int done = 0;
        int drawn = 0;
        UUID after = null;
        while (!stopping) {
            List<Map.Entry<UUID, List<Planned>>> page = catalog.productsWithoutImages(from, to, after, BATCH,
                    product -> Map.entry(product.id(), plan(product)));
            if (page.isEmpty()) {
                break;
            }
            if (done == 0) {
                LOG.info(() -> "Drawing the demo catalog's pictures (up to " + count + " products)");
            }
            Map<UUID, List<CatalogService.NewPicture>> batch = new LinkedHashMap<>();
            for (Map.Entry<UUID, List<Planned>> product : page) {
                List<CatalogService.NewPicture> drawnForProduct = new ArrayList<>();
                for (Planned planned : product.getValue()) {
                    drawnForProduct.add(new CatalogService.NewPicture(pictures.render(planned.subject()),
                            planned.sku(), planned.alt()));
                }
                batch.put(product.getKey(), drawnForProduct);
                drawn += drawnForProduct.size();
                after = product.getKey();
            }
            catalog.addPictures(batch);
            int before = done;
            done += page.size();
            if (done / 100 > before / 100) {
                int products = done;
                int images = drawn;
                LOG.info(() -> "Demo pictures: " + products + " products, " + images + " pictures");
            }
        }
        if (done > 0) {
            int products = done;
            int images = drawn;
            long millis = (System.nanoTime() - started) / 1_000_000L;
            LOG.info(() -> "Demo pictures ready: " + images + " pictures for " + products + " products in " + millis
                    + " ms");
        }
    }

    /**
     * The pictures a product gets: one per variant colour when its variants differ in colour (up to three, each
     * tied to its SKU), else a main shot and, as its slug decides, a close-up and the other side.
     */
    public static List<Planned> plan(Product product) {
        String category = product.category() == null ? null : product.category().name();
        List<Planned> planned = new ArrayList<>();
        Map<String, String> colourVariants = new LinkedHashMap<>();
        for (Variant variant : product.variants()) {
            String colour = colour(variant.attributes());
            if (colour != null && !colourVariants.containsValue(colour)) {
                colourVariants.put(variant.sku(), colour);
            }
        }
        if (colourVariants.size() > 1) {
            for (Map.Entry<String, String> variant : colourVariants.entrySet()) {
                if (planned.size() == 3) {
                    break;
                }
                planned.add(new Planned(variant.getKey(), new DemoPictures.Subject(category, product.brand(),
                        product.name(), variant.getValue(), product.slug(), 0),
                        product.name() + " in " + variant.getValue().toLowerCase(java.util.Locale.ROOT)));
            }
            return planned;
        }
        String colour = colourVariants.isEmpty()
                ? colour(product.attributes())
                : colourVariants.values().iterator()
                        .next();
        int views = 1 + Math.floorMod(product.slug().hashCode(), 3);
        String[] names = {"", ", close-up", ", from the other side"};
        for (int view = 0; view < views; view++) {
            planned.add(new Planned(null, new DemoPictures.Subject(category, product.brand(), product.name(), colour,
                    product.slug(), view), product.name() + names[view]));
        }
        return planned;
    }

    private static String colour(Map<String, String> attributes) {
        for (String name : new String[]{"colour", "color", "finish"}) {
            String value = attributes.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
