package org.mercato.catalog.application;

import java.io.InputStream;
import java.util.Optional;

import org.mercato.catalog.domain.ImageFormat;

/** Port: reads a picture's size and makes smaller copies of it for the widths a srcset offers. */
public interface ImageProcessing {

    /** Width and height in pixels, as a browser shows the picture (a JPEG's EXIF orientation applied). */
    record Dimensions(int width, int height) {
    }

    /** A resized copy: its bytes and their format (JPEG, or PNG where the original has transparency). */
    record Resized(byte[] bytes, org.mercato.catalog.domain.ImageFormat format) {
    }

    /**
     * Reads only the picture's header.
     *
     * @return empty when the bytes cannot be decoded as the format says
     */
    Optional<Dimensions> measure(byte[] bytes, ImageFormat format);

    /**
     * Scales the picture down to {@code width} pixels, keeping its proportions.
     *
     * @return empty when the original is not wider than {@code width} (it is never scaled up)
     * @throws java.io.UncheckedIOException when the original cannot be read
     */
    Optional<Resized> resize(InputStream original, ImageFormat format, int width);
}
