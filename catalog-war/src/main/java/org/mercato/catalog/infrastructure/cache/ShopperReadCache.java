package org.mercato.catalog.infrastructure.cache;

import java.io.Serializable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.hazelcast.cache.ICache;

/**
 * The hot reads shoppers make (product pages, the category tree), cached as ready JSON in the Hazelcast data
 * grid (JCache), so every catalog instance shares one copy and one invalidation. Cleared after every committed
 * catalog change; entries also expire after a while as a safety net. If the grid fails, reads go to the database.
 * <p>
 * A read waits for the grid at most {@link #GRID_WAIT}: a grid stalled by a partition migration (an instance of
 * any service lost or rejoining) must not stall product pages and the cart's price lookups behind it. A read that
 * times out or fails leaves the cache alone for {@link #BYPASS} (reads go to the database); writes to the cache
 * are not waited for.
 * <p>
 * Clearing visits every partition of the grid, so news that reaches the catalog late anyway (inventory's stock
 * news, one message per SKU, thousands a minute while a large catalog is stocked) clears at most once per
 * {@link #CLEAR_DELAY} ({@link #clearSoon()}); staff edits clear at once ({@link #clear()}).
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

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The longest {@link #clearSoon()} lets the cache serve what was true before a change. */
    static final java.time.Duration CLEAR_DELAY = java.time.Duration.ofMillis(200);

    /** A clear is scheduled and has not started yet: later changes are covered by it. */
    private final AtomicBoolean clearPending = new AtomicBoolean();

    /** The longest a read waits for the grid. */
    static final java.time.Duration GRID_WAIT = java.time.Duration.ofMillis(250);
    /** How long the cache is left alone after the grid did not answer in time. */
    static final java.time.Duration BYPASS = java.time.Duration.ofSeconds(10);

    private Cache<String, Entry> cache;
    /** The same cache through Hazelcast's asynchronous calls (null on another JCache provider: plain calls). */
    private ICache<String, Entry> grid;
    private volatile long bypassUntilNanos = System.nanoTime();

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
        try {
            @SuppressWarnings("unchecked")
            ICache<String, Entry> hazelcast = cache.unwrap(ICache.class);
            grid = hazelcast;
        } catch (IllegalArgumentException notHazelcast) {
            grid = null;
        }
    }

    /** The cached entry for the key, or what {@code load} returns (cached unless null). */
    public Entry get(String key, Supplier<Entry> load) {
        if (bypassed()) {
            return load.get();
        }
        Entry cached;
        try {
            cached = grid != null
                    ? grid.getAsync(key).toCompletableFuture().get(GRID_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    : cache.get(key);
        } catch (TimeoutException e) {
            failed("no answer within " + GRID_WAIT.toMillis() + " ms");
            return load.get();
        } catch (ExecutionException e) {
            failed(String.valueOf(e.getCause()));
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return load.get();
        } catch (RuntimeException gridTrouble) {
            failed(gridTrouble.toString());
            return load.get();
        }
        if (cached != null) {
            return cached;
        }
        Entry loaded = load.get();
        if (loaded != null) {
            try {
                if (grid != null) {
                    grid.putAsync(key, loaded);
                } else {
                    cache.put(key, loaded);
                }
            } catch (RuntimeException gridTrouble) {
                LOG.log(Level.WARNING, "Could not cache " + key, gridTrouble);
            }
        }
        return loaded;
    }

    private boolean bypassed() {
        return System.nanoTime() - bypassUntilNanos < 0;
    }

    private void failed(String error) {
        boolean first = !bypassed();
        bypassUntilNanos = System.nanoTime() + BYPASS.toNanos();
        if (first) {
            LOG.warning(() -> "Catalog cache: the data grid failed a read (" + error + "); reading the database for "
                    + BYPASS.toSeconds() + " s");
        }
    }

    /**
     * After a committed change that reached the catalog late anyway: no instance serves the old JSON once
     * {@link #CLEAR_DELAY} has passed. Every change committed before a scheduled clear starts shares it.
     */
    public void clearSoon() {
        if (!clearPending.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                // reset first: a change committed from here on schedules a clear of its own
                clearPending.set(false);
                clear();
            }, CLEAR_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            clearPending.set(false);
            clear();
        }
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
