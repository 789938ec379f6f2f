package org.mercato.catalog.domain;

/**
 * What the shop knows of a picture's bytes once checked: their format, length in bytes, SHA-256 (hex, the ETag)
 * and size in pixels.
 */
public record ImageFile(ImageFormat format, int size, String sha256, int width, int height) {

    public ImageFile {
        if (format == null || sha256 == null || size <= 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an image file has a format, bytes, a hash and a size in pixels");
        }
    }
}
