package org.mercato.catalog.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index's open marker tells a clean stop from a crash, which costs the last second of changes. */
class ProductIndexOpenMarkerTest {

    @Test
    void aMarkerLeftByAnUncleanStopIsSeenAtTheNextOpen(@TempDir Path root) throws Exception {
        Path directory = root.resolve("catalog-index");
        assertTrue(ProductIndex.markOpen(directory), "a new index was closed cleanly");
        assertTrue(Files.exists(directory.resolve(ProductIndex.OPEN_MARKER)));
        // the server was killed: nobody removed the marker
        assertFalse(ProductIndex.markOpen(directory), "the next start sees the unclean stop");
        // a clean stop removes it
        Files.delete(directory.resolve(ProductIndex.OPEN_MARKER));
        assertTrue(ProductIndex.markOpen(directory));
    }
}
