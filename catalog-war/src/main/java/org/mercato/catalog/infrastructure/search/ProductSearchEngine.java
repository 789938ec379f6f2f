package org.mercato.catalog.infrastructure.search;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AnnotatedTypeSource;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMappingBuilder;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.mercato.catalog.application.ProductSearch;
import org.mercato.catalog.application.ReindexRunningException;
import org.mercato.catalog.domain.ProductStatus;

/**
 * The product index and its queries over Hibernate Search's standalone mapper, the same for every
 * {@link SearchBackend}. Plain Java, so it is tested on both backends outside the application server.
 */
public class ProductSearchEngine implements ProductSearch, AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger
            .getLogger(ProductSearchEngine.class.getName());

    private static final AggregationKey<Map<String, Long>> BRANDS = AggregationKey.of("brand");
    private static final AggregationKey<Map<String, Long>> CATEGORIES = AggregationKey.of("category");
    private static final AggregationKey<Map<Range<Long>, Long>> PRICES = AggregationKey.of("price");
    private static final AggregationKey<Map<String, Long>> ATTRIBUTES = AggregationKey.of("attribute");
    /** Most "name:value" attribute facets returned: enough for a few attributes' worth of values. */
    public static final int ATTRIBUTE_FACETS = 100;
    private static final List<Range<Long>> PRICE_RANGES = List.of(Range.canonical(null, 2_500L),
            Range.canonical(2_500L, 5_000L), Range.canonical(5_000L, 10_000L), Range.canonical(10_000L, 50_000L),
            Range.canonical(50_000L, null));

    private final SearchBackend backend;
    private final CloseableSearchMapping mapping;
    /**
     * Read for every use of the index, write while it is dropped and recreated: Lucene cannot drop a directory
     * whose writer another thread is using (HSEARCH600111 on write.lock, or a writer hit by an unrecoverable
     * error), and a search must not read an index being dropped.
     */
    private final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();
    /** One rebuild at a time: a second one would drop the index under the first. */
    private final ReentrantLock rebuilding = new ReentrantLock();

    public ProductSearchEngine(SearchBackend backend) {
        this.backend = backend;
        mapping = build(() -> newBuilder(backend), backend);
    }

    private static SearchMappingBuilder newBuilder(SearchBackend backend) {
        SearchMappingBuilder builder = SearchMapping.builder(AnnotatedTypeSource.fromClasses(ProductDocument.class),
                MethodHandles.lookup())
                // Payara gives each class its own code source: list the types instead of scanning
                .property("hibernate.search.mapping.discover_annotated_types_from_root_mapping_annotations", false)
                // an index made by an earlier version gets new fields added (documents get them at reindex)
                .property("hibernate.search.schema_management.strategy", "create-or-update");
        backend.properties().forEach((key, value) -> builder.property("hibernate.search.backend." + key, value));
        if (backend.kind() == SearchBackend.Kind.LUCENE) {
            // a change is searchable when index() returns, and on disk within a second (Lucene's commit interval):
            // a commit (files written and fsync'ed) per change held stocking a large catalog to ~150 SKUs/s. The
            // index is derived from the database; after a crash it is rebuilt at start (ProductIndex).
            builder.property("hibernate.search.indexing.plan.synchronization.strategy", "read-sync");
        }
        return builder;
    }

    /** How often a bootstrap that lost the race to create the index is tried again (then it fails). */
    static final int INDEX_CREATION_ATTEMPTS = 5;

    /**
     * Builds the mapping, which creates or updates the index. Instances of the catalog starting together against
     * one search server (two replicas in Swarm) may both find the index missing; the one that creates it second
     * is refused ({@code resource_already_exists_exception}) and its bootstrap fails. It is tried again, and then
     * finds the index there and only updates it.
     *
     * @throws SearchException the bootstrap's failure, when it is another one or persists
     */
    private static CloseableSearchMapping build(Supplier<SearchMappingBuilder> builder, SearchBackend backend) {
        for (int attempt = 1;; attempt++) {
            try {
                return builder.get().build();
            } catch (SearchException e) {
                String message = String.valueOf(e.getMessage());
                if (attempt >= INDEX_CREATION_ATTEMPTS || !message.contains("resource_already_exists_exception")) {
                    throw e;
                }
                LOG.warning("Another catalog instance created the search index on " + backend.describe()
                        + " at the same time; opening it again (attempt " + (attempt + 1) + ")");
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public SearchBackend backend() {
        return backend;
    }

    /** Indexes (or re-indexes) documents of committed changes. */
    public void index(List<ProductDocument> documents) {
        sharing(() -> {
            try (SearchSession session = mapping.createSession()) {
                documents.forEach(document -> session.indexingPlan().addOrUpdate(document));
            }
            return null;
        });
    }

    /**
     * As {@link #index}, but returns once the documents are queued, in order, for the index's writer: searches see
     * them shortly after (Lucene: at the next search; OpenSearch: within its refresh interval, a second), and a
     * failure is logged by Hibernate Search instead of thrown. For news that reaches the catalog late anyway
     * (inventory's), where waiting for each change to be searchable was what bounded the catalog's consumer.
     */
    public void indexSoon(List<ProductDocument> documents) {
        sharing(() -> {
            try (SearchSession session = mapping.createSessionWithOptions()
                    .indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async()).build()) {
                documents.forEach(document -> session.indexingPlan().addOrUpdate(document));
            }
            return null;
        });
    }

    /**
     * Drops and recreates the index, empty, with the current mapping (before a full reindex). Dropping rather than
     * deleting by query also works on servers without OpenSearch's reindex module.
     */
    public void purge() {
        Lock exclusive = structure.writeLock();
        exclusive.lock();
        try {
            mapping.scope(ProductDocument.class).schemaManager().dropAndCreate();
        } finally {
            exclusive.unlock();
        }
    }

    /**
     * Rebuilds the whole index: purges it, indexes the pages {@code pages} gives (0, 1, 2... up to the first empty
     * one) and makes them visible. Changes indexed meanwhile (committed edits) are kept; searches meanwhile see
     * the index filling up.
     *
     * @param pages the documents of page n
     * @param progress told the number of documents indexed after each page
     * @return the number of documents indexed
     * @throws ReindexRunningException when another rebuild is running (it is not waited for)
     */
    public long rebuild(IntFunction<List<ProductDocument>> pages, LongConsumer progress) {
        return rebuild((n, index) -> {
            List<ProductDocument> page = pages.apply(n);
            index.accept(page);
            return page.size();
        }, progress);
    }

    /**
     * One page of a rebuild, read and written by the caller: it hands page {@code n}'s documents to {@code index}
     * while whatever keeps them current still holds (the catalog reads them under a row lock that every change of
     * these products waits for, so none commits, and indexes, between the read and the write).
     */
    @FunctionalInterface
    public interface PageWriter {
        /** @return how many documents page {@code n} had (0: there are no more) */
        int write(int n, Consumer<List<ProductDocument>> index);
    }

    /** {@link #rebuild(IntFunction, LongConsumer)}, each page read and written by {@code pages}. */
    public long rebuild(PageWriter pages, LongConsumer progress) {
        if (!rebuilding.tryLock()) {
            throw new ReindexRunningException();
        }
        try {
            purge();
            long done = 0;
            for (int n = 0;; n++) {
                int written = pages.write(n, this::index);
                if (written == 0) {
                    break;
                }
                done += written;
                progress.accept(done);
            }
            refresh();
            return done;
        } finally {
            rebuilding.unlock();
        }
    }

    /** Makes everything indexed so far visible to searches now rather than at the next periodic refresh. */
    public void refresh() {
        sharing(() -> {
            mapping.scope(ProductDocument.class).workspace().refresh();
            return null;
        });
    }

    public long count() {
        return sharing(() -> {
            try (SearchSession session = mapping.createSession()) {
                return session.search(ProductDocument.class).where(f -> f.matchAll()).fetchTotalHitCount();
            }
        });
    }

    /** Runs a use of the index that others may share, never while the index is dropped and recreated. */
    private <T> T sharing(Supplier<T> use) {
        Lock shared = structure.readLock();
        shared.lock();
        try {
            return use.get();
        } finally {
            shared.unlock();
        }
    }

    @Override
    public Result search(Query query) {
        return sharing(() -> searchUnlocked(query));
    }

    private Result searchUnlocked(Query query) {
        try (SearchSession session = mapping.createSession()) {
            SearchResult<List<?>> result = session.search(ProductDocument.class)
                    .select(f -> f.composite(f.id(String.class), f.field("slug", String.class),
                            f.field("name", String.class), f.field("brand", String.class),
                            f.field("category", String.class), f.field("price", Long.class),
                            f.field("currency", String.class), f.field("inStock", Boolean.class),
                            f.field("status", String.class)))
                    .where(f -> matching(f, query, null))
                    .sort(f -> switch (query.sort()) {
                        case PRICE_ASC -> f.field("price").asc();
                        case PRICE_DESC -> f.field("price").desc();
                        case NEWEST -> f.field("createdAt").desc();
                        case RELEVANCE -> f.score();
                    })
                    .aggregation(BRANDS, f -> f.terms().field("brand", String.class).maxTermCount(30))
                    .aggregation(CATEGORIES, f -> f.terms().field("category", String.class).maxTermCount(50))
                    .aggregation(PRICES, f -> f.range().field("price", Long.class).ranges(PRICE_RANGES))
                    .aggregation(ATTRIBUTES, f -> f.terms().field("attributes", String.class)
                            .maxTermCount(ATTRIBUTE_FACETS))
                    .fetch(query.page() * query.size(), query.size());
            List<Hit> hits = new ArrayList<>();
            for (List<?> row : result.hits()) {
                hits.add(new Hit((String) row.get(0), (String) row.get(1), (String) row.get(2), (String) row.get(3),
                        (String) row.get(4), (Long) row.get(5), (String) row.get(6), Boolean.TRUE.equals(row.get(7)),
                        status((String) row.get(8), query)));
            }
            Map<String, List<Facet>> facets = new LinkedHashMap<>();
            facets.put("brand", facets(result.aggregation(BRANDS)));
            facets.put("category", facets(result.aggregation(CATEGORIES)));
            List<Facet> prices = new ArrayList<>();
            result.aggregation(PRICES).forEach((range, count) -> prices.add(new Facet(label(range), count)));
            facets.put("price", prices);
            facets.put("attribute", attributeFacets(session, query, result.aggregation(ATTRIBUTES)));
            return new Result(hits, result.total().hitCount(), facets);
        }
    }

    @Override
    public List<String> suggest(String prefix, int max) {
        return sharing(() -> {
            try (SearchSession session = mapping.createSession()) {
                return session.search(ProductDocument.class)
                        .select(f -> f.field("name", String.class))
                        .where(f -> f.bool().must(f.match().field("name_autocomplete").matching(prefix))
                                .filter(f.match().field("status").matching("ACTIVE")))
                        .fetchHits(max * 3).stream().distinct().limit(max).toList();
            }
        });
    }

    /**
     * A hit's status as stored; a document indexed before the status was stored has none, and then the query's own
     * status filter (when it has one) says what it is.
     */
    private static ProductStatus status(String stored, Query query) {
        return stored == null ? query.status() : ProductStatus.valueOf(stored);
    }

    /**
     * How many edits (Levenshtein, transpositions counting one) a word of a shopper's query may be from a product's
     * word: none up to 2 characters, 1 up to 5, 2 beyond, as Elasticsearch's documented {@code AUTO} fuzziness.
     * Fewer edits on short words keep the typo tolerance where it matters and the term enumeration (the largest
     * cost of a search, in profiles) small.
     */
    static int editsFor(String word) {
        int length = word.codePointCount(0, word.length());
        return length <= 2 ? 0 : length <= 5 ? 1 : 2;
    }

    /**
     * What the query matches: products in the query's status (shoppers: active ones; any status when it names
     * none), the text (typo tolerant), category with its subcategories, brand,
     * attributes, stock and price range; {@code ignoredAttribute} leaves that attribute's filter out.
     */
    private static PredicateFinalStep matching(SearchPredicateFactory f, Query query, String ignoredAttribute) {
        var bool = f.bool();
        if (query.status() != null) {
            bool.filter(f.match().field("status").matching(query.status().name()));
        } else {
            // a bool query with only optional clauses would match nothing when there is no text
            bool.filter(f.matchAll());
        }
        if (query.text() != null && !query.text().isBlank()) {
            // typo tolerant per word, as Elasticsearch's AUTO fuzziness: longer words may be further off
            // ("hedphones", two edits; "jaket", one); any word may match, products matching more rank higher
            var text = f.bool();
            for (String word : new LinkedHashSet<>(List.of(query.text().strip().toLowerCase(Locale.ROOT)
                    .split("\\s+")))) {
                var match = f.match().field("name").boost(3.0f).field("brand_text").boost(2.0f).field("description")
                        .field("attributeText").matching(word);
                int edits = editsFor(word);
                text.should(edits == 0 ? match : match.fuzzy(edits, 1));
            }
            bool.must(text);
        }
        if (query.category() != null) {
            bool.filter(f.match().field("categoryPath").matching(query.category()));
        }
        if (query.brand() != null) {
            bool.filter(f.match().field("brand").matching(query.brand()));
        }
        // values of one attribute are alternatives (black or white); different attributes all hold
        for (Map.Entry<String, List<String>> alternatives : byName(query.attributes()).entrySet()) {
            if (alternatives.getKey().equals(ignoredAttribute)) {
                continue;
            }
            var any = f.bool();
            alternatives.getValue().forEach(a -> any.should(f.match().field("attributes").matching(a)));
            bool.filter(any);
        }
        if (query.inStockOnly()) {
            bool.filter(f.match().field("inStock").matching(true));
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            bool.filter(f.range().field("price").within(Range.between(query.minPrice(),
                    RangeBoundInclusion.INCLUDED, query.maxPrice(), RangeBoundInclusion.INCLUDED)));
        }
        return bool;
    }

    /**
     * Attribute facets as a shopper can use them: the values of an attribute already filtered on are counted
     * without that attribute's own filter (with colour:black chosen, colour:white still shows how many it would
     * add), every other attribute over the full result.
     */
    private List<Facet> attributeFacets(SearchSession session, Query query, Map<String, Long> counts) {
        Map<String, Long> merged = new LinkedHashMap<>(counts);
        for (String name : byName(query.attributes()).keySet()) {
            Map<String, Long> withoutOwn = session.search(ProductDocument.class).where(f -> matching(f, query, name))
                    .aggregation(ATTRIBUTES, f -> f.terms().field("attributes", String.class)
                            .maxTermCount(ATTRIBUTE_FACETS))
                    .fetch(0).aggregation(ATTRIBUTES);
            merged.keySet().removeIf(value -> value.startsWith(name + ":"));
            withoutOwn.forEach((value, count) -> {
                if (value.startsWith(name + ":")) {
                    merged.put(value, count);
                }
            });
        }
        return merged.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> a.getValue().equals(b.getValue())
                        ? a.getKey().compareTo(b.getKey())
                        : Long.compare(b.getValue(), a.getValue()))
                .limit(ATTRIBUTE_FACETS).map(e -> new Facet(e.getKey(), e.getValue())).toList();
    }

    /** "colour:black", "colour:white", "size:m" as {colour: [colour:black, colour:white], size: [size:m]}. */
    static Map<String, List<String>> byName(List<String> attributes) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String attribute : attributes) {
            int colon = attribute.indexOf(':');
            String name = (colon < 0 ? attribute : attribute.substring(0, colon)).toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(name, n -> new ArrayList<>()).add(attribute);
        }
        return groups;
    }

    private static List<Facet> facets(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new Facet(e.getKey(), e.getValue())).toList();
    }

    /** "2500-5000" in minor units; open ends as "*". */
    private static String label(Range<Long> range) {
        return range.lowerBoundValue().map(String::valueOf).orElse("*") + "-"
                + range.upperBoundValue().map(String::valueOf).orElse("*");
    }

    @Override
    public void close() {
        mapping.close();
    }
}
