package org.mercato.catalog.infrastructure.search;

import java.lang.invoke.MethodHandles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.hibernate.search.engine.environment.bean.BeanReference;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AnnotatedTypeSource;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.mercato.catalog.application.CatalogService;
import org.mercato.catalog.application.ProductSearch;

/**
 * The product search index (Hibernate Search standalone mapper, Lucene backend on disk). Built at start; when
 * the index is empty but the catalog is not, everything is indexed with progress. Searches run concurrently.
 */
@Startup
@Singleton
@DependsOn("DemoCatalogSeeder")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@LocalBean
@Local(ProductSearch.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProductIndex implements ProductSearch {

    private static final Logger LOG = Logger.getLogger(ProductIndex.class.getName());
    private static final int REINDEX_BATCH = 500;
    private static final AggregationKey<Map<String, Long>> BRANDS = AggregationKey.of("brand");
    private static final AggregationKey<Map<String, Long>> CATEGORIES = AggregationKey.of("category");
    private static final AggregationKey<Map<Range<Long>, Long>> PRICES = AggregationKey.of("price");
    private static final List<Range<Long>> PRICE_RANGES = List.of(Range.canonical(null, 2_500L),
            Range.canonical(2_500L, 5_000L), Range.canonical(5_000L, 10_000L), Range.canonical(10_000L, 50_000L),
            Range.canonical(50_000L, null));

    @Inject
    CatalogService catalog;

    @Inject
    @ConfigProperty(name = "mercato.catalog.index-dir", defaultValue = "catalog-index")
    String indexDir;

    private CloseableSearchMapping mapping;

    @PostConstruct
    void start() {
        Path directory = Path.of(indexDir).toAbsolutePath();
        mapping = SearchMapping.builder(AnnotatedTypeSource.fromClasses(ProductDocument.class),
                MethodHandles.lookup())
                // Payara gives each class its own code source: list the types instead of scanning
                .property("hibernate.search.mapping.discover_annotated_types_from_root_mapping_annotations", false)
                .property("hibernate.search.backend.directory.root", directory.toString())
                .property("hibernate.search.backend.analysis.configurer",
                        BeanReference.ofInstance(new CatalogAnalysis()))
                .property("hibernate.search.schema_management.strategy", "create-or-validate")
                .build();
        LOG.info(() -> "Product search index (Lucene) in " + directory);
        long indexed = count();
        long products = catalog.productCount();
        if (indexed == 0 && products > 0) {
            reindex();
        }
    }

    @PreDestroy
    void stop() {
        if (mapping != null) {
            mapping.close();
        }
    }

    /** Indexes (or re-indexes) documents of committed changes. */
    public void index(List<ProductDocument> documents) {
        try (SearchSession session = mapping.createSession()) {
            documents.forEach(document -> session.indexingPlan().addOrUpdate(document));
        }
    }

    /** Rebuilds the whole index from the catalog database, logging progress. */
    public long reindex() {
        long total = catalog.productCount();
        long started = System.nanoTime();
        LOG.info(() -> "Reindexing " + total + " products");
        mapping.scope(ProductDocument.class).workspace().purge();
        long done = 0;
        long nextReport = Math.max(1, total / 10);
        for (int offset = 0;; offset += REINDEX_BATCH) {
            List<ProductDocument> page = catalog.mapProducts(offset, REINDEX_BATCH, ProductDocument::of);
            if (page.isEmpty()) {
                break;
            }
            index(page);
            done += page.size();
            if (done >= nextReport || done == total) {
                long progress = done;
                LOG.info(() -> "Reindexed " + progress + "/" + total + " products");
                nextReport = done + Math.max(1, total / 10);
            }
        }
        mapping.scope(ProductDocument.class).workspace().refresh();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long indexed = done;
        LOG.info(() -> "Reindex done: " + indexed + " products in " + millis + " ms");
        return done;
    }

    long count() {
        try (SearchSession session = mapping.createSession()) {
            return session.search(ProductDocument.class).where(f -> f.matchAll()).fetchTotalHitCount();
        }
    }

    @Override
    public Result search(Query query) {
        try (SearchSession session = mapping.createSession()) {
            SearchResult<List<?>> result = session.search(ProductDocument.class)
                    .select(f -> f.composite(f.id(String.class), f.field("slug", String.class),
                            f.field("name", String.class), f.field("brand", String.class),
                            f.field("category", String.class), f.field("price", Long.class),
                            f.field("currency", String.class)))
                    .where(f -> {
                        var bool = f.bool();
                        bool.filter(f.match().field("status").matching("ACTIVE"));
                        if (query.text() != null && !query.text().isBlank()) {
                            // typo tolerant: each word may be up to two edits away ("hedphones")
                            bool.must(f.match().field("name").boost(3.0f).field("brand_text").boost(2.0f)
                                    .field("description").field("attributeText")
                                    .matching(query.text()).fuzzy(2, 1));
                        }
                        if (query.category() != null) {
                            bool.filter(f.match().field("categoryPath").matching(query.category()));
                        }
                        if (query.brand() != null) {
                            bool.filter(f.match().field("brand").matching(query.brand()));
                        }
                        for (String attribute : query.attributes()) {
                            bool.filter(f.match().field("attributes").matching(attribute));
                        }
                        if (query.minPrice() != null || query.maxPrice() != null) {
                            bool.filter(f.range().field("price").within(Range.between(query.minPrice(),
                                    RangeBoundInclusion.INCLUDED, query.maxPrice(), RangeBoundInclusion.INCLUDED)));
                        }
                        return bool;
                    })
                    .sort(f -> switch (query.sort()) {
                        case PRICE_ASC -> f.field("price").asc();
                        case PRICE_DESC -> f.field("price").desc();
                        case NEWEST -> f.field("createdAt").desc();
                        case RELEVANCE -> f.score();
                    })
                    .aggregation(BRANDS, f -> f.terms().field("brand", String.class).maxTermCount(30))
                    .aggregation(CATEGORIES, f -> f.terms().field("category", String.class).maxTermCount(50))
                    .aggregation(PRICES, f -> f.range().field("price", Long.class).ranges(PRICE_RANGES))
                    .fetch(query.page() * query.size(), query.size());
            List<Hit> hits = new ArrayList<>();
            for (List<?> row : result.hits()) {
                hits.add(new Hit((String) row.get(0), (String) row.get(1), (String) row.get(2), (String) row.get(3),
                        (String) row.get(4), (Long) row.get(5), (String) row.get(6)));
            }
            Map<String, List<Facet>> facets = new LinkedHashMap<>();
            facets.put("brand", facets(result.aggregation(BRANDS)));
            facets.put("category", facets(result.aggregation(CATEGORIES)));
            List<Facet> prices = new ArrayList<>();
            result.aggregation(PRICES).forEach((range, count) -> prices.add(new Facet(label(range), count)));
            facets.put("price", prices);
            return new Result(hits, result.total().hitCount(), facets);
        }
    }

    @Override
    public List<String> suggest(String prefix, int max) {
        try (SearchSession session = mapping.createSession()) {
            return session.search(ProductDocument.class)
                    .select(f -> f.field("name", String.class))
                    .where(f -> f.bool().must(f.match().field("name_autocomplete").matching(prefix))
                            .filter(f.match().field("status").matching("ACTIVE")))
                    .fetchHits(max * 3).stream().distinct().limit(max).toList();
        }
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

}
