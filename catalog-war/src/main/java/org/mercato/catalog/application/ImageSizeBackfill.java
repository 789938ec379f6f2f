package org.mercato.catalog.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.mercato.catalog.domain.ProductImage;

/**
 * Pictures stored before the catalog kept their size in pixels get it at start, in the background, read from
 * their files' headers, so every picture can offer a srcset. A file that cannot be read is logged and skipped.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImageSizeBackfill {

    private static final Logger LOG = Logger.getLogger(ImageSizeBackfill.class.getName());

    @Inject
    CatalogService catalog;

    @Inject
    ImageStore store;

    @Inject
    ImageProcessing processing;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        executor.submit(this::measureAll);
    }

    void measureAll() {
        Set<UUID> unreadable = new HashSet<>();
        int measured = 0;
        while (true) {
            List<ProductImage> images = catalog.imagesWithoutSize(100 + unreadable.size()).stream()
                    .filter(image -> !unreadable.contains(image.id())).toList();
            if (images.isEmpty()) {
                break;
            }
            for (ProductImage image : images) {
                Optional<ImageProcessing.Dimensions> size = measure(image);
                if (size.isPresent()) {
                    catalog.recordImageSize(image.id(), size.get().width(), size.get().height());
                    measured++;
                } else {
                    unreadable.add(image.id());
                    LOG.warning(() -> "Image " + image.id() + " cannot be read: it is served without a srcset");
                }
            }
        }
        if (measured > 0) {
            int count = measured;
            LOG.info(() -> "Measured " + count + " pictures stored before sizes were kept");
        }
    }

    private Optional<ImageProcessing.Dimensions> measure(ProductImage image) {
        try (InputStream in = store.open(image.id()).orElse(null)) {
            return in == null ? Optional.empty() : processing.measure(in.readAllBytes(), image.format());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Image " + image.id() + " unreadable", e);
            return Optional.empty();
        }
    }
}
