package org.mercato.catalog.infrastructure.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.mercato.catalog.application.DemoCatalog;
import org.mercato.catalog.application.DemoPictures;
import org.mercato.catalog.application.DemoPictures.Subject;
import org.mercato.catalog.domain.ImageFormat;
import org.mercato.platform.security.Digests;

class Java2dDemoPicturesTest {

    private final Java2dDemoPictures pictures = new Java2dDemoPictures();

    private static Subject lamp(String colour, int view) {
        return new Subject("Lighting", "Glow", "Glow Classic Floor Lamp 311", colour, "glow-classic-floor-lamp-311-11",
                view);
    }

    @Test
    void theSameSubjectGivesTheSameBytes() {
        byte[] first = pictures.render(lamp("Brass", 0));
        byte[] again = new Java2dDemoPictures().render(lamp("Brass", 0));
        assertArrayEquals(first, again);
        assertEquals(Digests.sha256Hex(first), Digests.sha256Hex(again));
    }

    @Test
    void aSquareJpegOfTheSourceSize() throws IOException {
        byte[] jpeg = pictures.render(lamp(null, 0));
        assertEquals(ImageFormat.JPEG, ImageFormat.detect(jpeg).orElseThrow());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(DemoPictures.SIZE, image.getWidth());
        assertEquals(DemoPictures.SIZE, image.getHeight());
        assertTrue(jpeg.length < 200_000, "a product shot, not a photograph: " + jpeg.length + " bytes");
    }

    @Test
    void categoriesColoursAndViewsDiffer() {
        Set<String> hashes = new HashSet<>();
        for (DemoCatalog.Department department : DemoCatalog.DEPARTMENTS) {
            hashes.add(Digests.sha256Hex(pictures.render(new Subject(department.name(), "Acme",
                    "Acme " + department.nouns().get(0), null, "same-seed", 0))));
        }
        assertEquals(DemoCatalog.DEPARTMENTS.size(), hashes.size(), "every department looks different");
        assertFalse(Arrays.equals(pictures.render(lamp("Brass", 0)), pictures.render(lamp("Black", 0))));
        assertFalse(Arrays.equals(pictures.render(lamp("Brass", 0)), pictures.render(lamp("Brass", 1))));
    }

    @Test
    void silhouettesFollowTheProductNameThenTheCategory() {
        assertEquals(Java2dDemoPictures.Silhouette.FLOOR_LAMP,
                Java2dDemoPictures.Silhouette.of("Glow Floor Lamp 3", "Lighting"));
        assertEquals(Java2dDemoPictures.Silhouette.HELMET,
                Java2dDemoPictures.Silhouette.of("Velo Bike Helmet 1", "Cycling"));
        assertEquals(Java2dDemoPictures.Silhouette.PHONE, Java2dDemoPictures.Silhouette.of("Pico Smartphone", null));
        assertEquals(Java2dDemoPictures.Silhouette.CHAIR, Java2dDemoPictures.Silhouette.of("Hygge Thing", "Furniture"));
        assertEquals(Java2dDemoPictures.Silhouette.GENERIC, Java2dDemoPictures.Silhouette.of("Gizmo", "Gadgets"));
        // every department of the demo catalog has a shape of its own, not the generic one
        for (DemoCatalog.Department department : DemoCatalog.DEPARTMENTS) {
            for (String noun : department.nouns()) {
                assertFalse(Java2dDemoPictures.Silhouette.of("Acme " + noun,
                        department.name()) == Java2dDemoPictures.Silhouette.GENERIC, noun);
            }
        }
    }

    @Test
    void theVariantColourIsDrawn() throws IOException {
        BufferedImage red = ImageIO.read(new ByteArrayInputStream(pictures.render(
                new Subject("T-Shirts", "Basics", "Basics Tee 1", "red", "basics-tee-1", 0))));
        Color centre = new Color(red.getRGB(600, 650));
        assertTrue(centre.getRed() > 120 && centre.getGreen() < 90 && centre.getBlue() < 90, centre.toString());
    }
}
