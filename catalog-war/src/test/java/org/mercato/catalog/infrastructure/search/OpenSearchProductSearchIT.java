package org.mercato.catalog.infrastructure.search;

import org.mercato.platform.opensearch.OpenSearchNode;

/**
 * The search contract on the Elasticsearch-protocol backend against a real OpenSearch 2.19 node that this test
 * starts (and stops) itself.
 */
class OpenSearchProductSearchIT extends ProductSearchContract {

    private OpenSearchNode node;

    @Override
    ProductSearchEngine openEngine() throws Exception {
        node = OpenSearchNode.start();
        return new ProductSearchEngine(SearchBackend.elasticsearch(node.hosts(), "http", null, null));
    }

    @Override
    void closeBackend() {
        if (node != null) {
            node.close();
        }
    }
}
