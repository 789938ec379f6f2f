package org.mercato.catalog.infrastructure.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.mercato.catalog.application.ImageProcessing;
import org.mercato.catalog.domain.ImageFormat;

class ThumbnailatorImagesTest {

    private final ThumbnailatorImages images = new ThumbnailatorImages();

    private static byte[] picture(int width, int height, String format, boolean transparent) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(transparent ? new Color(0, 0, 255, 128) : Color.ORANGE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void measuresFromTheHeader() throws IOException {
        assertEquals(Optional.of(new ImageProcessing.Dimensions(1200, 800)),
                images.measure(picture(1200, 800, "jpeg", false), ImageFormat.JPEG));
        assertEquals(Optional.of(new ImageProcessing.Dimensions(40, 30)),
                images.measure(picture(40, 30, "png", true), ImageFormat.PNG));
        assertEquals(Optional.of(new ImageProcessing.Dimensions(50, 20)),
                images.measure(picture(50, 20, "gif", false), ImageFormat.GIF));
        // the right first bytes, then nothing a decoder can read
        assertEquals(Optional.empty(), images.measure(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
                1, 2, 3}, ImageFormat.PNG));
        assertEquals(Optional.empty(), images.measure("RIFF\0\0\0\0WEBPVP8 ".getBytes(), ImageFormat.WEBP));
    }

    @Test
    void resizesToTheWidthKeepingProportions() throws IOException {
        byte[] original = picture(1200, 800, "jpeg", false);
        for (int width : new int[]{160, 320, 480, 640}) {
            ImageProcessing.Resized resized = images.resize(new ByteArrayInputStream(original), ImageFormat.JPEG,
                    width).orElseThrow();
            assertEquals(ImageFormat.JPEG, resized.format());
            BufferedImage image = read(resized.bytes());
            assertEquals(width, image.getWidth());
            assertEquals(Math.round(width * 800 / 1200.0), image.getHeight(), 1);
            assertTrue(resized.bytes().length < original.length);
        }
    }

    @Test
    void transparencyStaysAPngAndNothingIsScaledUp() throws IOException {
        ImageProcessing.Resized resized = images.resize(new ByteArrayInputStream(picture(400, 400, "png", true)),
                ImageFormat.PNG, 160).orElseThrow();
        assertEquals(ImageFormat.PNG, resized.format());
        BufferedImage image = read(resized.bytes());
        assertEquals(160, image.getWidth());
        assertTrue(image.getColorModel().hasAlpha());
        assertEquals(Optional.empty(), images.resize(new ByteArrayInputStream(picture(300, 200, "png", false)),
                ImageFormat.PNG, 320));
        assertEquals(Optional.empty(), images.resize(new ByteArrayInputStream(picture(320, 200, "png", false)),
                ImageFormat.PNG, 320));
    }
}
