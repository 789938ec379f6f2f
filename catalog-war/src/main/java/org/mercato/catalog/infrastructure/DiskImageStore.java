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
 * Product images as files in {@code mercato.catalog.image-dir}, one per image id. Written to a temporary file and
 * moved into place, so a reader never sees half an image.
 */
@ApplicationScoped
public class DiskImageStore implements ImageStore {

    private static final Logger LOG = Logger.getLogger(DiskImageStore.class.getName());

    @Inject
    @ConfigProperty(name = "mercato.catalog.image-dir", defaultValue = "catalog-images")
    String imageDir;

    private Path directory;

    @PostConstruct
    void open() {
        directory = Path.of(imageDir).toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the image directory " + directory, e);
        }
        LOG.info(() -> "Product images stored in " + directory);
    }

    @Override
    public void store(UUID imageId, byte[] bytes) {
        try {
            Path temporary = Files.createTempFile(directory, "upload-", ".part");
            Files.write(temporary, bytes);
            Files.move(temporary, file(imageId), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store image " + imageId, e);
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
        } catch (IOException e) {
            // an orphan file wastes space but harms nobody: log it for the operator
            LOG.log(Level.WARNING, "Could not delete image file " + imageId, e);
        }
    }

    private Path file(UUID imageId) {
        return directory.resolve(imageId.toString());
    }
}
