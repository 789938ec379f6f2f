package org.mercato.catalog.infrastructure.search;

import java.nio.file.Files;
import java.nio.file.Path;

/** The search contract on the embedded Lucene backend, index files in a temporary directory. */
class LuceneProductSearchIT extends ProductSearchContract {

    private Path directory;

    @Override
    ProductSearchEngine openEngine() throws Exception {
        directory = Files.createTempDirectory("catalog-index-");
        return new ProductSearchEngine(SearchBackend.lucene(directory));
    }

    @Override
    void closeBackend() throws Exception {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
