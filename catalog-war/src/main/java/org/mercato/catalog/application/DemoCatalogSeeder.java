package org.mercato.catalog.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.Slugs;

/**
 * At the first start of a shop with an empty catalog, fills it with the demo catalog when
 * {@code mercato.catalog.demo-products} (MERCATO_CATALOG_DEMO_PRODUCTS) is above 0; embedded mode sets it. The
 * seeding runs in the background, so the catalog (and the services deployed after it) start at once: products
 * in batches, progress in the log every 10 %, then the search index is built from the database. Until then
 * {@link #state()} says so and the readiness check {@code catalog-demo-data} is DOWN. A seeding stopped half-way
 * (the server stopped) goes on where it stopped at the next start. Instances starting together against one
 * database take turns ({@link ExclusiveJobs}): one seeds, the others find it done.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoCatalogSeeder {

    private static final Logger LOG = Logger.getLogger(DemoCatalogSeeder.class.getName());
    /** Products per transaction: each batch commits on its own, so a stop loses at most one. */
    static final int BATCH = 500;

    /** Where the demo catalog stands. */
    public enum State {
        /** No demo catalog wanted, or it was seeded at an earlier start. */
        NOT_NEEDED, SEEDING, INDEXING, READY,
        /** Seeding failed; the log says why, and the next start goes on. */
        FAILED
    }

    @Inject
    CatalogService catalog;

    /** The search index, built once the products are stored (looked up then: it starts after this bean). */
    @Inject
    Instance<SearchIndexRebuild> search;

    /**
     * Seeding takes minutes for a large catalog: it runs on a thread of its own, made by the server's managed
     * thread factory, never on a shared executor, where it would hold up the outbox relays.
     */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "mercato.catalog.demo-products", defaultValue = "0")
    int products;

    @Inject
    @ConfigProperty(name = "mercato.catalog.demo-seed", defaultValue = "42")
    long seed;

    private volatile State state = State.NOT_NEEDED;
    private volatile int seeded;
    private volatile boolean stopping;
    private ExecutorService executor;

    @Inject
    ExclusiveJobs jobs;

    /** The job name under which one catalog instance at a time seeds (the others wait, then find it done). */
    static final String SEEDING_JOB = "catalog.demo-seeding";
    /** How often a seeding that failed is tried (seconds between: 10, 20, 30...), before the state says FAILED. */
    static final int ATTEMPTS = 5;

    @PostConstruct
    void start() {
        long demo = products <= 0 ? -1 : demoStored();
        // seeded at an earlier start (its index then is ProductIndex's business), or a shop with other products
        if (demo < 0 || demo >= products) {
            return;
        }
        state = State.SEEDING;
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = threads.newThread(task);
            thread.setName("mercato-demo-catalog");
            return thread;
        });
        executor.execute(this::run);
    }

    /**
     * How many demo products are stored: the catalog is empty, or holds only the start of the demo catalog (a
     * seeding stopped half-way: batches commit in order, so the first ones are there), or all of it.
     *
     * @return -1 for a shop with other products, which is left alone
     */
    private long demoStored() {
        long stored = catalog.productCount();
        long demo = stored == 0 ? 0 : catalog.demoProductsStored(seed, products);
        return demo == stored ? demo : -1;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Where the demo catalog stands now. */
    public State state() {
        return state;
    }

    /** Demo products stored so far. */
    public int seeded() {
        return seeded;
    }

    /** Demo products wanted. */
    public int wanted() {
        return products;
    }

    /** Whether the shop may be shown: no demo catalog is being made. */
    public boolean isSettled() {
        State now = state;
        return now != State.SEEDING && now != State.INDEXING;
    }

    /**
     * Seeds and indexes under the seeding job's lock: instances starting together against one database (two
     * replicas) take turns, and the later ones find the catalog seeded (and a shared index built) and only check.
     * A failure (the database or the search server not answering yet) is tried again after a pause.
     */
    private void run() {
        for (int attempt = 1;; attempt++) {
            try {
                jobs.exclusively(SEEDING_JOB, () -> {
                    seedAndIndex();
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    state = State.FAILED;
                    return;
                }
                if (attempt == ATTEMPTS) {
                    state = State.FAILED;
                    LOG.log(Level.SEVERE, "Seeding the demo catalog failed " + ATTEMPTS + " times, after " + seeded
                            + " products; the next start goes on", e);
                    return;
                }
                int pause = 10 * attempt;
                LOG.log(Level.WARNING, "Seeding the demo catalog failed (attempt " + attempt + " of " + ATTEMPTS
                        + "); trying again in " + pause + " s", e);
                state = State.SEEDING;
                try {
                    Thread.sleep(pause * 1000L);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    state = State.FAILED;
                    return;
                }
            }
        }
    }

    private void seedAndIndex() {
        long demo = demoStored();
        long started = System.nanoTime();
        if (demo < 0) {
            LOG.warning("Products other than the demo catalog were added meanwhile: the demo catalog is left as it is");
            state = State.NOT_NEEDED;
            return;
        }
        int from = (int) demo;
        seeded = from;
        if (from < products) {
            LOG.info(() -> "Seeding the demo catalog: " + products + " products (seed " + seed + ")"
                    + (from > 0 ? ", going on after the " + from + " stored before" : ""));
            Map<String, UUID> categories = categories();
            seedProducts(seed, from, products, categories, batch -> {
                if (stopping) {
                    throw new IllegalStateException("the catalog is stopping");
                }
                // the index is built from the database right after, so no product is indexed one by one
                catalog.importBatch(batch, false);
            }, new Progress(from, products, started, done -> seeded = done));
        } else if (search.get().indexed() >= from) {
            // another instance seeded it and built the index they share
            state = State.READY;
            LOG.info(() -> "Demo catalog ready: seeded and indexed by another instance");
            return;
        }
        state = State.INDEXING;
        long indexed = rebuildIndex();
        long millis = (System.nanoTime() - started) / 1_000_000L;
        state = State.READY;
        LOG.info(() -> "Demo catalog ready: " + (products - from) + " products seeded and " + indexed
                + " indexed in " + millis + " ms");
    }

    /** A staff reindex started meanwhile would cover only part of the catalog: wait for it, then rebuild. */
    private long rebuildIndex() {
        while (true) {
            try {
                return search.get().reindex();
            } catch (ReindexRunningException running) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the catalog is stopping", interrupted);
                }
            }
        }
    }

    /**
     * Stores the demo products {@code from} (inclusive) to {@code to} (exclusive) in batches of {@link #BATCH},
     * each batch handed to {@code store} (one transaction each), telling {@code progress} the products stored so
     * far after each batch.
     */
    static void seedProducts(long seed, int from, int to, Map<String, UUID> categories,
            Consumer<List<ProductDraft>> store, java.util.function.IntConsumer progress) {
        for (int start = from; start < to; start += BATCH) {
            int end = Math.min(to, start + BATCH);
            List<ProductDraft> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                DemoCatalog.DemoProduct demo = DemoCatalog.product(seed, i);
                ProductDraft d = demo.draft();
                batch.add(new ProductDraft(d.name(), d.slug(), d.description(), d.brand(),
                        categories.get(demo.department().name()), d.status(), d.attributes(), d.price(),
                        d.variants()));
            }
            store.accept(batch);
            progress.accept(end);
        }
    }

    /** Logs the seeding's progress every 10 % with its pace, and tells {@code seeded} every batch. */
    static final class Progress implements java.util.function.IntConsumer {

        private final int from;
        private final int total;
        private final long startedNanos;
        private final java.util.function.IntConsumer seeded;
        private int nextReport;

        Progress(int from, int total, long startedNanos, java.util.function.IntConsumer seeded) {
            this.from = from;
            this.total = total;
            this.startedNanos = startedNanos;
            this.seeded = seeded;
            this.nextReport = step(from);
        }

        private int step(int after) {
            int tenth = Math.max(1, total / 10);
            return (after / tenth + 1) * tenth;
        }

        @Override
        public void accept(int done) {
            seeded.accept(done);
            if (done >= nextReport || done == total) {
                double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
                long perSecond = Math.round((done - from) / seconds);
                LOG.info(() -> "Demo catalog: " + done + "/" + total + " products (" + (done * 100L / total)
                        + " %), " + perSecond + " products/s");
                nextReport = step(done);
            }
        }
    }

    /** The demo departments' categories, made at the first start and found again at a later one. */
    private Map<String, UUID> categories() {
        Map<String, UUID> ids = new HashMap<>();
        int position = 0;
        for (DemoCatalog.Department department : DemoCatalog.DEPARTMENTS) {
            if (!ids.containsKey(department.parent())) {
                ids.put(department.parent(), category(department.parent(), null, position++));
            }
            ids.put(department.name(), category(department.name(), ids.get(department.parent()), position++));
        }
        return ids;
    }

    private UUID category(String name, UUID parentId, int position) {
        return catalog.categoryIdBySlug(Slugs.of(name))
                .orElseGet(() -> {
                    Category created = catalog.createCategory(name, null, parentId, position);
                    return created.id();
                });
    }
}
