package org.mercato.catalog.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mercato.platform.opensearch.OpenSearchNode;

/**
 * Catalog instances starting together against one empty OpenSearch (two replicas in Swarm) all open the product
 * index: the one that loses the race to create it tries again instead of failing its deployment.
 */
class OpenSearchConcurrentStartIT {

    @Test
    void catalogInstancesStartingTogetherAllOpenTheIndex() throws Exception {
        int instances = 4;
        try (OpenSearchNode node = OpenSearchNode.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ProductSearchEngine>> starts = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    return new ProductSearchEngine(SearchBackend.elasticsearch(node.hosts(), "http", null, null));
                }));
            }
            go.countDown();
            List<ProductSearchEngine> engines = new ArrayList<>();
            try {
                for (Future<ProductSearchEngine> start : starts) {
                    engines.add(start.get(120, TimeUnit.SECONDS));
                }
                for (ProductSearchEngine engine : engines) {
                    assertEquals(0, engine.count(), "each instance searches the one index");
                }
            } finally {
                engines.forEach(ProductSearchEngine::close);
                pool.shutdownNow();
            }
        }
    }
}
