package org.mercato.catalog.application;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/** Port: where product image bytes live (a disk or a volume shared by the catalog's instances). */
public interface ImageStore {

    /** Writes the bytes under the id, whole or not at all. */
    void store(UUID imageId, byte[] bytes);

    Optional<InputStream> open(UUID imageId);

    void delete(UUID imageId);
}
