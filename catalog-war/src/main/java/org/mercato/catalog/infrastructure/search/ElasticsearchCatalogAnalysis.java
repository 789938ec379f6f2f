package org.mercato.catalog.infrastructure.search;

import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.AUTOCOMPLETE;
import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.AUTOCOMPLETE_QUERY;
import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.KEYWORD;
import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.MAX_PREFIX;
import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.TEXT;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The catalog's analyzers for an Elasticsearch-protocol backend (OpenSearch 2.x, Elasticsearch 8), the same chain as
 * {@link LuceneCatalogAnalysis}. Snowball and edge n-grams come from the server's analysis-common module.
 */
public class ElasticsearchCatalogAnalysis implements ElasticsearchAnalysisConfigurer {

    private static final String ENGLISH_STEMMER = "catalog_english_stemmer";
    private static final String PREFIXES = "catalog_prefixes";

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.tokenFilter(ENGLISH_STEMMER).type("snowball").param("language", "English");
        context.tokenFilter(PREFIXES).type("edge_ngram").param("min_gram", 1).param("max_gram", MAX_PREFIX);
        context.analyzer(TEXT).custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding", ENGLISH_STEMMER);
        context.analyzer(AUTOCOMPLETE).custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding", PREFIXES);
        context.analyzer(AUTOCOMPLETE_QUERY).custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding");
        context.normalizer(KEYWORD).custom()
                .tokenFilters("lowercase", "asciifolding");
    }
}
