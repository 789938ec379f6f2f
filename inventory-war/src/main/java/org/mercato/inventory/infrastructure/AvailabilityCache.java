package org.mercato.inventory.infrastructure;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * Shoppers' availability reads, from a Hazelcast map with a near cache on every inventory instance. It must never
 * show more units than the database has: a change that lowers availability lowers the cached value before its
 * transaction commits, and every change removes the entry once it has committed (or rolled back), so the next read
 * loads the committed value. Entries also expire after a few seconds. The grid failing only means reading the
 * database.
 */
@ApplicationScoped
public class AvailabilityCache {

    static final String MAP = "mercato-inventory-availability";
    private static final int TTL_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(AvailabilityCache.class.getName());

    @Inject
    HazelcastInstance grid;

    private IMap<String, Long> map;

    @PostConstruct
    void open() {
        try {
            grid.getConfig().addMapConfig(new MapConfig(MAP).setBackupCount(1).setTimeToLiveSeconds(TTL_SECONDS)
                    .setNearCacheConfig(new NearCacheConfig(MAP).setInvalidateOnChange(true)
                            // also for entries this member owns (in embedded mode: all of them)
                            .setCacheLocalEntries(true).setTimeToLiveSeconds(TTL_SECONDS)));
        } catch (RuntimeException alreadyConfigured) {
            // another instance (or a redeploy) configured it the same way first
            LOG.log(Level.FINE, "availability map configured already", alreadyConfigured);
        }
        map = grid.getMap(MAP);
    }

    public OptionalLong get(String sku) {
        try {
            Long cached = map.get(sku);
            return cached == null ? OptionalLong.empty() : OptionalLong.of(cached);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "availability cache unreadable; reading the database", e);
            return OptionalLong.empty();
        }
    }

    /** Remembers a value just read from the database, unless a writer got there first. */
    public void putIfAbsent(String sku, long available) {
        try {
            map.putIfAbsent(sku, available, TTL_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "availability cache unwritable", e);
        }
    }

    /** Before commit: never let the cache claim more than the change leaves. */
    public void lower(String sku, long available) {
        try {
            map.executeOnKey(sku, entry -> {
                Long cached = entry.getValue();
                if (cached != null && cached > available) {
                    entry.setValue(available);
                }
                return null;
            });
        } catch (RuntimeException e) {
            // cannot lower it: drop it instead
            evict(sku);
        }
    }

    public void evict(String sku) {
        try {
            map.delete(sku);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "availability cache: could not drop " + sku + "; it expires in " + TTL_SECONDS
                    + " s", e);
        }
    }
}
