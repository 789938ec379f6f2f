package org.mercato.catalog.infrastructure.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How product text is analysed: accents folded ("creme" finds "Crème"), English stemming ("headphone" finds
 * "headphones"), and edge n-grams for search-as-you-type.
 */
public class CatalogAnalysis implements LuceneAnalysisConfigurer {

    public static final String TEXT = "catalog_text";
    public static final String AUTOCOMPLETE = "catalog_autocomplete";
    public static final String AUTOCOMPLETE_QUERY = "catalog_autocomplete_query";
    public static final String KEYWORD = "catalog_keyword";

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
                .tokenFilter("edgeNGram").param("minGramSize", "1").param("maxGramSize", "20");
        context.analyzer(AUTOCOMPLETE_QUERY).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
        context.normalizer(KEYWORD).custom()
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
    }
}
