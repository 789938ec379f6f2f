package org.mercato.catalog.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mercato.catalog.domain.ImageFormat;
import org.mercato.catalog.domain.ImageNotFoundException;
import org.mercato.catalog.domain.ProductImage;

/**
 * A product picture as served: the original, or a copy resized to one of {@link ProductImage#WIDTHS}, made the
 * first time it is asked for and kept in the image store beside the original. Neither ever changes, so each has a
 * fixed tag (the original's SHA-256, with the width for a copy). Resizing runs outside any transaction: it takes
 * CPU time, not a database connection.
 */
@ApplicationScoped
public class ImageRenditions {

    private static final Logger LOG = Logger.getLogger(ImageRenditions.class.getName());

    @Inject
    CatalogService catalog;

    @Inject
    ImageStore store;

    @Inject
    ImageProcessing processing;

    /** A picture at a width: its tag at once, its bytes only when {@link #open()} is called. */
    public final class Rendition {
        private final ProductImage image;
        private final Integer width;

        private Rendition(ProductImage image, Integer width) {
            this.image = image;
            this.width = width;
        }

        /** Stable for as long as the picture exists: the original's SHA-256, plus the width for a copy. */
        public String tag() {
            return width == null ? image.sha256() : image.sha256() + "-w" + width;
        }

        /**
         * The bytes, resized (and kept) now if no copy was kept yet.
         *
         * @throws ImageNotFoundException when the file is gone (404)
         */
        public Served open() {
            return width == null ? original(image) : resized(image, width);
        }
    }

    /** Bytes to send: their format, length in bytes and content. */
    public record Served(ImageFormat format, long length, InputStream content) {
    }

    /**
     * @param width null for the original, else one of {@link ProductImage#WIDTHS}; a width at or above the
     *            picture's own gets the original (never scaled up)
     * @throws IllegalArgumentException for any other width
     * @throws ImageNotFoundException when there is no such picture (404)
     */
    public Rendition rendition(UUID imageId, Integer width) {
        if (width != null && !ProductImage.WIDTHS.contains(width)) {
            throw new IllegalArgumentException("width must be one of " + ProductImage.WIDTHS);
        }
        ProductImage image = catalog.image(imageId);
        return new Rendition(image, width == null || image.isOriginalAt(width) ? null : width);
    }

    private Served resized(ProductImage image, int width) {
        Optional<byte[]> kept = store.resized(image.id(), width);
        if (kept.isPresent()) {
            return served(kept.get());
        }
        Optional<ImageProcessing.Resized> made;
        long started = System.nanoTime();
        try (InputStream original = store.open(image.id())
                .orElseThrow(() -> new ImageNotFoundException(image.id().toString()))) {
            made = processing.resize(original, image.format(), width);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (made.isEmpty()) {
            // not wider than asked (its size was not known yet): the original is the best there is
            return original(image);
        }
        store.storeResized(image.id(), width, made.get().bytes());
        LOG.fine(() -> "Image " + image.id() + " resized to " + width + " px in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return served(made.get().bytes());
    }

    private Served original(ProductImage image) {
        InputStream content = store.open(image.id())
                .orElseThrow(() -> new ImageNotFoundException(image.id().toString()));
        return new Served(image.format(), image.size(), content);
    }

    private static Served served(byte[] bytes) {
        return new Served(ImageFormat.detect(bytes).orElse(ImageFormat.JPEG), bytes.length,
                new ByteArrayInputStream(bytes));
    }
}
