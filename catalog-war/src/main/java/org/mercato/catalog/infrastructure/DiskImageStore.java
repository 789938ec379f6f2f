package org.mercato.catalog.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.catalog.application.ImageStore;

/**
 * Product images as files in {@code mercato.catalog.image-dir}, one per image id, and their resized copies in its
 * {@code widths} folder as {@code <id>-<width>}. Written to a temporary file and moved into place, so a reader never
 * sees half an image.
 */
@ApplicationScoped
public class DiskImageStore implements ImageStore {

    private static final Logger LOG = Logger.getLogger(DiskImageStore.class.getName());

    @Inject
    @ConfigProperty(name = "mercato.catalog.image-dir", defaultValue = "catalog-images")
    String imageDir;

    private Path directory;
    private Path widths;

    @PostConstruct
    void open() {
        directory = Path.of(imageDir).toAbsolutePath();
        try {
            Files.createDirectories(directory);
            widths = Files.createDirectories(directory.resolve("widths"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the image directory " + directory, e);
        }
        LOG.info(() -> "Product images stored in " + directory);
    }

    @Override
    public void store(UUID imageId, byte[] bytes) {
        try {
            write(directory, file(imageId), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store image " + imageId, e);
        }
    }

    @Override
    public void storeResized(UUID imageId, int width, byte[] bytes) {
        try {
            // two instances resizing the same picture at once write the same bytes: the last move wins, harmlessly
            write(widths, resizedFile(imageId, width), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store image " + imageId + " at width " + width, e);
        }
    }

    @Override
    public Optional<byte[]> resized(UUID imageId, int width) {
        try {
            return Optional.of(Files.readAllBytes(resizedFile(imageId, width)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + imageId + " at width " + width, e);
        }
    }

    private static void write(Path folder, Path target, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(folder, "upload-", ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<InputStream> open(UUID imageId) {
        try {
            return Optional.of(Files.newInputStream(file(imageId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + imageId, e);
        }
    }

    @Override
    public void delete(UUID imageId) {
        try {
            Files.deleteIfExists(file(imageId));
            try (var copies = Files.newDirectoryStream(widths, imageId + "-*")) {
                for (Path copy : copies) {
                    Files.deleteIfExists(copy);
                }
            }
        } catch (IOException e) {
            // an orphan file wastes space but harms nobody: log it for the operator
            LOG.log(Level.WARNING, "Could not delete image file " + imageId, e);
        }
    }

    private Path file(UUID imageId) {
        return directory.resolve(imageId.toString());
    }

    private Path resizedFile(UUID imageId, int width) {
        return widths.resolve(imageId + "-" + width);
    }
}
