package org.mercato.catalog.infrastructure.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import org.mercato.catalog.application.ImageProcessing;
import org.mercato.catalog.domain.ImageFormat;

/**
 * Sizes and resizes product pictures with Thumbnailator (high-quality progressive bilinear scaling) over the
 * JDK's image readers, and TwelveMonkeys' reader for WebP, used directly rather than registered JVM-wide. A JPEG's
 * EXIF orientation is applied, as browsers do. At most two pictures are decoded at once, so a burst of first
 * requests for new widths cannot take all the memory.
 */
@ApplicationScoped
public class ThumbnailatorImages implements ImageProcessing {

    private static final WebPImageReaderSpi WEBP = new WebPImageReaderSpi();
    private static final Set<Orientation> QUARTER_TURNED = EnumSet.of(Orientation.LEFT_TOP, Orientation.RIGHT_TOP,
            Orientation.RIGHT_BOTTOM, Orientation.LEFT_BOTTOM);
    private static final float JPEG_QUALITY = 0.85f;

    private final Semaphore decoding = new Semaphore(2);

    @Override
    public Optional<Dimensions> measure(byte[] bytes, ImageFormat format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(format);
            try {
                reader.setInput(in, true, false);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return Optional.empty();
                }
                return Optional.of(QUARTER_TURNED.contains(orientation(reader, format))
                        ? new Dimensions(height, width)
                        : new Dimensions(width, height));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Resized> resize(InputStream original, ImageFormat format, int width) {
        decoding.acquireUninterruptibly();
        try (ImageInputStream in = ImageIO.createImageInputStream(original)) {
            ImageReader reader = reader(format);
            BufferedImage picture;
            try {
                reader.setInput(in, true, false);
                Orientation orientation = orientation(reader, format);
                picture = reader.read(0);
                if (orientation != null && orientation != Orientation.TOP_LEFT) {
                    picture = ExifFilterUtils.getFilterForOrientation(orientation).apply(picture);
                }
            } finally {
                reader.dispose();
            }
            if (picture.getWidth() <= width) {
                return Optional.empty();
            }
            boolean transparent = picture.getColorModel().hasAlpha();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.Builder<BufferedImage> resizing = Thumbnails.of(picture).width(width)
                    .imageType(transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                    .outputFormat(transparent ? "png" : "jpg");
            if (!transparent) {
                resizing.outputQuality(JPEG_QUALITY);
            }
            resizing.toOutputStream(out);
            return Optional.of(new Resized(out.toByteArray(), transparent ? ImageFormat.PNG : ImageFormat.JPEG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resize a " + format + " picture", e);
        } finally {
            decoding.release();
        }
    }

    private static ImageReader reader(ImageFormat format) throws IOException {
        if (format == ImageFormat.WEBP) {
            return WEBP.createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IOException("no reader for " + format);
        }
        return readers.next();
    }

    private static Orientation orientation(ImageReader reader, ImageFormat format) {
        if (format != ImageFormat.JPEG) {
            return null;
        }
        try {
            return ExifUtils.getExifOrientation(reader, 0);
        } catch (IOException | RuntimeException noExif) {
            return null;
        }
    }
}
