package org.mercato.catalog.application;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: where product image bytes live (a disk or a volume shared by the catalog's instances): each original under
 * its image id, and the resized copies made from it under the id and their width.
 */
public interface ImageStore {

    /** Writes the bytes under the id, whole or not at all. */
    void store(UUID imageId, byte[] bytes);

    Optional<InputStream> open(UUID imageId);

    /** Deletes the original and every resized copy of it. */
    void delete(UUID imageId);

    /** Keeps a resized copy {@code width} pixels wide, whole or not at all. */
    void storeResized(UUID imageId, int width, byte[] bytes);

    /** @return the resized copy {@code width} pixels wide, if one was made */
    Optional<byte[]> resized(UUID imageId, int width);
}
