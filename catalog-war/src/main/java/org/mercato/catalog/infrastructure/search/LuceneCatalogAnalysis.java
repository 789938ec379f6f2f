package org.mercato.catalog.infrastructure.search;

import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.AUTOCOMPLETE;
import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.AUTOCOMPLETE_QUERY;
import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.KEYWORD;
import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.MAX_PREFIX;
import static org.mercato.catalog.infrastructure.search.CatalogAnalysis.TEXT;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/** The catalog's analyzers for the embedded Lucene backend. */
public class LuceneCatalogAnalysis implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(TEXT).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("snowballPorter").param("language", "English");
        context.analyzer(AUTOCOMPLETE).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("edgeNGram").param("minGramSize", "1").param("maxGramSize", String.valueOf(MAX_PREFIX));
        context.analyzer(AUTOCOMPLETE_QUERY).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
        context.normalizer(KEYWORD).custom()
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
    }
}
