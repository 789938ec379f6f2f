package org.mercato.catalog.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mercato.catalog.domain.ImageFile;
import org.mercato.catalog.domain.ImageFormat;
import org.mercato.catalog.domain.ImageNotFoundException;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductImage;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.Money;

/** Serving a picture at a width, with a fake store and a fake resizer behind the ports. */
class ImageRenditionsTest {

    private static final byte[] ORIGINAL = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
    private static final byte[] SMALL = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9};

    private final Map<String, byte[]> files = new HashMap<>();
    private final AtomicInteger resizes = new AtomicInteger();
    private final ProductImage image;
    private final ImageRenditions renditions = new ImageRenditions();

    ImageRenditionsTest() {
        Product product = Product.create(new ProductDraft("Lamp", null, null, null, null, ProductStatus.ACTIVE, null,
                new Money(1000, "EUR"), null), null, () -> "LAMP-1", Instant.EPOCH);
        image = product.addImage(UUID.randomUUID(), null, new ImageFile(ImageFormat.JPEG, ORIGINAL.length,
                "f".repeat(64), 1200, 1200), null, Instant.EPOCH);
        files.put(image.id().toString(), ORIGINAL);
        renditions.catalog = new CatalogService() {
            @Override
            public ProductImage image(UUID imageId) {
                if (!imageId.equals(image.id())) {
                    throw new ImageNotFoundException(imageId.toString());
                }
                return image;
            }
        };
        renditions.store = new ImageStore() {
            @Override
            public void store(UUID imageId, byte[] bytes) {
                files.put(imageId.toString(), bytes);
            }

            @Override
            public Optional<InputStream> open(UUID imageId) {
                return Optional.ofNullable(files.get(imageId.toString())).map(ByteArrayInputStream::new);
            }

            @Override
            public void delete(UUID imageId) {
                files.keySet().removeIf(key -> key.startsWith(imageId.toString()));
            }

            @Override
            public void storeResized(UUID imageId, int width, byte[] bytes) {
                files.put(imageId + "-" + width, bytes);
            }

            @Override
            public Optional<byte[]> resized(UUID imageId, int width) {
                return Optional.ofNullable(files.get(imageId + "-" + width));
            }
        };
        renditions.processing = new ImageProcessing() {
            @Override
            public Optional<Dimensions> measure(byte[] bytes, ImageFormat format) {
                return Optional.of(new Dimensions(1200, 1200));
            }

            @Override
            public Optional<Resized> resize(InputStream original, ImageFormat format, int width) {
                resizes.incrementAndGet();
                return Optional.of(new Resized(SMALL, ImageFormat.JPEG));
            }
        };
    }

    private static byte[] bytes(ImageRenditions.Served served) {
        try (InputStream in = served.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aWidthIsResizedOnceThenServedFromTheStore() {
        ImageRenditions.Rendition first = renditions.rendition(image.id(), 320);
        assertEquals("f".repeat(64) + "-w320", first.tag());
        assertEquals(0, resizes.get(), "the tag is known before anything is resized");
        assertArrayEquals(SMALL, bytes(first.open()));
        assertArrayEquals(SMALL, bytes(renditions.rendition(image.id(), 320).open()));
        assertEquals(1, resizes.get());
        assertArrayEquals(SMALL, files.get(image.id() + "-320"));
    }

    @Test
    void theOriginalWithoutAWidthOrForOneAtLeastItsOwn() {
        ImageRenditions.Rendition original = renditions.rendition(image.id(), null);
        assertEquals("f".repeat(64), original.tag());
        ImageRenditions.Served served = original.open();
        assertEquals(ORIGINAL.length, served.length());
        assertArrayEquals(ORIGINAL, bytes(served));
        assertEquals("f".repeat(64), renditions.rendition(image.id(), 1280).tag(), "never scaled up");
        assertArrayEquals(ORIGINAL, bytes(renditions.rendition(image.id(), 1280).open()));
        assertEquals(0, resizes.get());
    }

    @Test
    void otherWidthsAndUnknownPicturesAreRefused() {
        for (int width : List.of(0, 100, 321, 1200, 2560)) {
            assertThrows(IllegalArgumentException.class, () -> renditions.rendition(image.id(), width));
        }
        assertThrows(ImageNotFoundException.class, () -> renditions.rendition(UUID.randomUUID(), 320));
        files.clear();
        assertThrows(ImageNotFoundException.class, () -> renditions.rendition(image.id(), 320).open());
    }
}
