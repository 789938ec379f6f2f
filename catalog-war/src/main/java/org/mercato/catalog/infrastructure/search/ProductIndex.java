package org.mercato.catalog.infrastructure.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.application.DemoCatalogSeeder;
import org.mercato.catalog.application.ExclusiveJobs;
import org.mercato.catalog.application.ReindexRunningException;
import org.mercato.catalog.application.ProductSearch;
import org.mercato.catalog.application.SearchIndexRebuild;
import org.mercato.platform.metrics.ShopMetrics;

/**
 * The catalog's product search index. Opens the configured {@link SearchBackend} at start; when the index is empty
 * but the catalog is not (new server, wiped index), everything is indexed with progress in the log. A demo catalog
 * being seeded in the background is indexed by its seeder once stored ({@link DemoCatalogSeeder}).
 * Searches run concurrently; one rebuild runs at a time (a second is refused, see {@link ProductSearchEngine#rebuild}).
 */
@Startup
@Singleton
// after the seeder has decided whether to seed (at once: the seeding itself runs in the background)
@DependsOn("DemoCatalogSeeder")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@LocalBean
@Local({ProductSearch.class, SearchIndexRebuild.class})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProductIndex implements ProductSearch, SearchIndexRebuild {

    private static final Logger LOG = Logger.getLogger(ProductIndex.class.getName());
    private static final int REINDEX_BATCH = 500;
    /** See {@link #markOpen(Path)}. */
    static final String OPEN_MARKER = "mercato-index-open";

    @Inject
    CatalogService catalog;

    @Inject
    DemoCatalogSeeder demoCatalog;

    @Inject
    ExclusiveJobs jobs;

    /** The job name under which one instance at a time rebuilds a shared (OpenSearch) index. */
    static final String SHARED_INDEX_REBUILD = "catalog.search-index-rebuild";

    @Inject
    ShopMetrics metrics = new ShopMetrics();

    @Inject
    @ConfigProperty(name = "mercato.catalog.search.backend", defaultValue = "lucene")
    String backendName;

    @Inject
    @ConfigProperty(name = "mercato.catalog.index-dir", defaultValue = "catalog-index")
    String indexDir;

    @Inject
    @ConfigProperty(name = "mercato.catalog.search.hosts", defaultValue = "127.0.0.1:9200")
    String hosts;

    @Inject
    @ConfigProperty(name = "mercato.catalog.search.protocol", defaultValue = "http")
    String protocol;

    @Inject
    @ConfigProperty(name = "mercato.catalog.search.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "mercato.catalog.search.password")
    Optional<String> password;

    private ProductSearchEngine engine;

    @PostConstruct
    void start() {
        SearchBackend backend = switch (SearchBackend.kind(backendName)) {
            case LUCENE -> SearchBackend.lucene(Path.of(indexDir));
            case ELASTICSEARCH -> SearchBackend.elasticsearch(hosts, protocol, username.orElse(null),
                    password.orElse(null));
        };
        engine = new ProductSearchEngine(backend);
        LOG.info(() -> "Product search index: " + backend.describe());
        try {
            boolean crashed = backend.kind() == SearchBackend.Kind.LUCENE && !markOpen(Path.of(indexDir));
            // while the demo catalog is being seeded, the seeder builds the index once the products are stored
            if (demoCatalog.isSettled() && catalog.productCount() > 0 && (crashed || engine.count() == 0)) {
                if (crashed) {
                    LOG.warning("The search index was not closed cleanly (the server stopped without shutting"
                            + " down): its last second of changes may be missing, so it is rebuilt");
                }
                try {
                    reindex();
                } catch (ReindexRunningException elsewhere) {
                    LOG.info("Another catalog instance is rebuilding the shared search index: searches fill up as"
                            + " it goes");
                }
            }
        } catch (RuntimeException e) {
            // release the index (and its write lock) so that the next attempt can open it
            engine.close();
            engine = null;
            throw e;
        }
    }

    /**
     * For message consumers: calling it makes sure the index is open before their changes must be indexed (the
     * container may deliver messages while the application is still starting).
     */
    public boolean isOpen() {
        return engine != null;
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
            if (engine.backend().kind() == SearchBackend.Kind.LUCENE) {
                try {
                    Files.deleteIfExists(Path.of(indexDir).resolve(OPEN_MARKER));
                } catch (IOException e) {
                    LOG.warning(() -> "Could not note the search index as closed (it is rebuilt at the next start): "
                            + e);
                }
            }
        }
    }

    /**
     * A file that exists while the Lucene index is open: changes reach the disk up to a second after they are
     * searchable, so a server that stopped without closing the index (killed, crashed) may have lost the last ones.
     *
     * @return true when the index was closed cleanly last time (or is new), false when the marker was still there
     */
    static boolean markOpen(Path directory) {
        Path marker = directory.resolve(OPEN_MARKER);
        try {
            Files.createDirectories(directory);
            if (Files.exists(marker)) {
                return false;
            }
            Files.writeString(marker, "the search index is open; this file is removed when it is closed\n");
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write in the search index directory " + directory, e);
        }
    }

    /**
     * Indexes (or re-indexes) documents of changes about to commit. Called from a transaction's beforeCompletion:
     * SUPPORTS, because suspending the completing transaction (as NOT_SUPPORTED would) fails when a message-driven
     * bean's XA transaction is the one completing.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void index(List<ProductDocument> documents) {
        engine.index(documents);
    }

    /** As {@link #index}, without waiting for the documents to be searchable (see ProductSearchEngine#indexSoon). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void indexSoon(List<ProductDocument> documents) {
        engine.indexSoon(documents);
    }

    /**
     * Rebuilds the whole index from the catalog database, logging progress.
     *
     * @throws org.mercato.catalog.application.ReindexRunningException while another rebuild runs
     */
    @Override
    public long reindex() {
        if (engine.backend().kind() == SearchBackend.Kind.ELASTICSEARCH) {
            // the catalog's instances share this index: one rebuilds it at a time (a second one's drop and create
            // would pull it from under the first one's writes), whichever instance is asked
            return jobs.ifFree(SHARED_INDEX_REBUILD, this::rebuild).orElseThrow(ReindexRunningException::new);
        }
        return rebuild();
    }

    /** How many products the index holds (in a shared index, what every instance sees). */
    @Override
    public long indexed() {
        return engine.count();
    }

    private long rebuild() {
        long total = catalog.productCount();
        long started = System.nanoTime();
        long step = Math.max(1, total / 10);
        long[] nextReport = {step};
        // pages are asked for in order: each starts after the last product of the one before
        java.util.UUID[] last = {null};
        long done = engine.rebuild((page, index) -> {
            if (page == 0) {
                LOG.info(() -> "Reindexing " + total + " products");
                last[0] = null;
            }
            // read and written under the page's row locks: a stock news or an edit of one of these products waits,
            // then indexes after this page (a page read, then written after such a change, would undo it)
            List<ProductDocument> documents = catalog.writePage(last[0], REINDEX_BATCH, ProductDocument::of, index);
            if (!documents.isEmpty()) {
                last[0] = java.util.UUID.fromString(documents.get(documents.size() - 1).id());
            }
            return documents.size();
        }, progress -> {
            if (progress >= nextReport[0] || progress == total) {
                LOG.info(() -> "Reindexed " + progress + "/" + total + " products");
                nextReport[0] = progress + step;
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Reindex done: " + done + " products in " + millis + " ms");
        return done;
    }

    @Override
    public Result search(Query query) {
        long started = System.nanoTime();
        Result result = engine.search(query);
        metrics.time(SEARCH_DURATION, SEARCH_HELP, java.time.Duration.ofNanos(System.nanoTime() - started), "kind",
                query.text() == null || query.text().isBlank() ? "listing" : "text", "backend", backendName);
        return result;
    }

    /** mercato_search_duration_seconds{kind="text"|"listing"|"suggest", backend="lucene"|"opensearch"}. */
    private static final String SEARCH_DURATION = "mercato.search.duration";
    private static final String SEARCH_HELP = "How long the search index took to answer: a text search, a listing"
            + " (category, brand, filters without text) or suggestions";

    @Override
    public List<String> suggest(String prefix, int max) {
        long started = System.nanoTime();
        List<String> suggestions = engine.suggest(prefix, max);
        metrics.time(SEARCH_DURATION, SEARCH_HELP, java.time.Duration.ofNanos(System.nanoTime() - started), "kind",
                "suggest", "backend", backendName);
        return suggestions;
    }
}
