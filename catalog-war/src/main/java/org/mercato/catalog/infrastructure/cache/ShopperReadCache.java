package org.mercato.catalog.infrastructure.cache;

import java.io.Serializable;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The hot reads shoppers make (product pages, the category tree), cached as ready JSON in the Hazelcast data
 * grid (JCache), so every catalog instance shares one copy and one invalidation. Cleared after every committed
 * catalog change; entries also expire after a while as a safety net. If the grid fails, reads go to the database.
 */
@ApplicationScoped
public class ShopperReadCache {

    private static final Logger LOG = Logger.getLogger(ShopperReadCache.class.getName());
    static final String NAME = "mercato-catalog-shopper-reads";

    /** A cached response: its body and the ETag it was served with. */
    public record Entry(String json, String etag) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Inject
    CacheManager cacheManager;

    private Cache<String, Entry> cache;

    @PostConstruct
    void open() {
        try {
            Cache<String, Entry> existing = cacheManager.getCache(NAME, String.class, Entry.class);
            cache = existing != null
                    ? existing
                    : cacheManager.createCache(NAME, new MutableConfiguration<String, Entry>()
                            .setTypes(String.class, Entry.class)
                            .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.TEN_MINUTES)));
        } catch (CacheException alreadyCreatedByAnotherInstance) {
            cache = cacheManager.getCache(NAME, String.class, Entry.class);
        }
    }

    /** The cached entry for the key, or what {@code load} returns (cached unless null). */
    public Entry get(String key, Supplier<Entry> load) {
        try {
            Entry cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        } catch (RuntimeException gridTrouble) {
            LOG.log(Level.WARNING, "Catalog cache unavailable; reading from the database", gridTrouble);
            return load.get();
        }
        Entry loaded = load.get();
        if (loaded != null) {
            try {
                cache.put(key, loaded);
            } catch (RuntimeException gridTrouble) {
                LOG.log(Level.WARNING, "Could not cache " + key, gridTrouble);
            }
        }
        return loaded;
    }

    /** After a committed change: no instance may serve the old JSON. */
    public void clear() {
        try {
            cache.removeAll();
        } catch (RuntimeException gridTrouble) {
            LOG.log(Level.SEVERE, "Could not clear the catalog cache; stale reads possible for 10 minutes",
                    gridTrouble);
        }
    }
}
