package org.mercato.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.Money;

class ProductImageTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Product shirt() {
        ProductDraft draft = new ProductDraft("Shirt", null, null, null, null, ProductStatus.ACTIVE, null, null,
                List.of(new ProductDraft.VariantDraft("SHIRT-RED", Map.of("colour", "red"), new Money(4900, "EUR")),
                        new ProductDraft.VariantDraft("SHIRT-BLUE", Map.of("colour", "blue"),
                                new Money(4900, "EUR"))));
        return Product.create(draft, null, () -> "SKU-X", NOW);
    }

    private static ImageFile file(ImageFormat format, int size, String hash) {
        return new ImageFile(format, size, hash.repeat(64), 1200, 900);
    }

    @Test
    void aPictureOffersTheServedWidthsUpToItsOwn() {
        Product product = shirt();
        ProductImage large = product.addImage(UUID.randomUUID(), null, file(ImageFormat.JPEG, 10, "a"), null, NOW);
        assertEquals(List.of(160, 320, 480, 640, 1200), large.srcsetWidths());
        assertEquals(1200, large.width());
        assertEquals(900, large.height());
        assertTrue(large.isOriginalAt(1280));
        assertFalse(large.isOriginalAt(640));
        ProductImage exact = product.addImage(UUID.randomUUID(), null,
                new ImageFile(ImageFormat.PNG, 10, "b".repeat(64), 320, 200), null, NOW);
        assertEquals(List.of(160, 320), exact.srcsetWidths());
        assertTrue(exact.isOriginalAt(320));
        ProductImage tiny = product.addImage(UUID.randomUUID(), null,
                new ImageFile(ImageFormat.PNG, 10, "c".repeat(64), 40, 30), null, NOW);
        assertEquals(List.of(40), tiny.srcsetWidths());
        assertThrows(IllegalArgumentException.class, () -> new ImageFile(ImageFormat.PNG, 10, "d", 0, 30));
    }

    @Test
    void formatsAreRecognisedByTheirBytesNotTheirName() {
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.detect(new byte[]{(byte) 0xFF, (byte) 0xD8,
                (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.detect(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r',
                '\n', 0x1A, '\n', 0}));
        assertEquals(Optional.of(ImageFormat.GIF), ImageFormat.detect("GIF89a...".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(ImageFormat.WEBP),
                ImageFormat.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ImageFormat.detect("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), ImageFormat.detect(new byte[]{(byte) 0xFF}));
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.ofMediaType("IMAGE/PNG"));
        assertEquals(Optional.empty(), ImageFormat.ofMediaType("text/html"));
    }

    @Test
    void imagesKeepTheirOrderAndMayShowOneVariant() {
        Product product = shirt();
        ProductImage whole = product.addImage(UUID.randomUUID(), null, file(ImageFormat.PNG, 100, "a"), " Front ",
                NOW.plusSeconds(1));
        ProductImage red = product.addImage(UUID.randomUUID(), "SHIRT-RED", file(ImageFormat.JPEG, 200, "b"), null,
                NOW.plusSeconds(2));
        assertNull(whole.sku());
        assertEquals("Front", whole.alt());
        assertEquals("SHIRT-RED", red.sku());
        assertEquals(List.of(0, 1), product.images().stream().map(ProductImage::position).toList());
        assertEquals(NOW.plusSeconds(2), product.updatedAt());

        product.removeImage(whole.id(), NOW.plusSeconds(3));
        assertEquals(List.of(red), product.images());
        assertEquals(0, red.position());
        assertThrows(ImageNotFoundException.class, () -> product.removeImage(whole.id(), NOW));
    }

    @Test
    void staffPutThePicturesInTheOrderTheShopShowsThem() {
        Product product = shirt();
        ProductImage front = product.addImage(UUID.randomUUID(), null, file(ImageFormat.PNG, 1, "a"), null, NOW);
        ProductImage back = product.addImage(UUID.randomUUID(), null, file(ImageFormat.PNG, 1, "b"), null, NOW);
        ProductImage side = product.addImage(UUID.randomUUID(), null, file(ImageFormat.PNG, 1, "c"), null, NOW);

        product.reorderImages(List.of(side.id(), front.id(), back.id()), NOW.plusSeconds(5));

        assertEquals(List.of(side, front, back), product.images());
        assertEquals(List.of(0, 1, 2), product.images().stream().map(ProductImage::position).toList());
        assertEquals(NOW.plusSeconds(5), product.updatedAt());
        // not exactly its pictures: refused, nothing moved
        for (List<UUID> wrong : List.of(List.of(front.id(), back.id()), List.of(front.id(), back.id(), back.id()),
                List.of(front.id(), back.id(), UUID.randomUUID()))) {
            assertThrows(InvalidProductException.class, () -> product.reorderImages(wrong, NOW));
            assertEquals(List.of(side, front, back), product.images());
        }
    }

    @Test
    void anImageForAnUnknownVariantOrBeyondTheLimitIsRefused() {
        Product product = shirt();
        assertThrows(InvalidProductException.class, () -> product.addImage(UUID.randomUUID(), "SHIRT-GREEN",
                file(ImageFormat.PNG, 1, "c"), null, NOW));
        for (int i = 0; i < Product.MAX_IMAGES; i++) {
            product.addImage(UUID.randomUUID(), null, file(ImageFormat.PNG, 1, "c"), null, NOW);
        }
        assertThrows(InvalidProductException.class,
                () -> product.addImage(UUID.randomUUID(), null, file(ImageFormat.PNG, 1, "c"), null, NOW));
        assertTrue(product.images().size() == Product.MAX_IMAGES);
    }
}
