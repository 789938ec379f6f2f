package org.mercato.inventory.infrastructure;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import org.mercato.inventory.application.AvailabilityReads;

/**
 * Shoppers' availability reads, from a Hazelcast map with a near cache on every inventory instance. It must not
 * show more units than the database has: a change that lowers availability sets the cached value to what the
 * change leaves before its transaction commits (the SKU's row is locked then, so that value is the one committed),
 * and every change removes the entry once it has committed (or rolled back), so the next read loads the committed
 * value. Entries also expire after {@value #TTL_SECONDS} seconds.
 * <p>
 * The grid is waited for at most {@link #GRID_WAIT} per call: the lowering runs while the SKU's stock row is
 * locked, and a grid stalled by a partition migration (a member lost or rejoining) must not hold that lock, which
 * every reservation of the SKU waits for. A call that times out or fails leaves the cache alone for
 * {@link #BYPASS}: reads go to the database, and a value cached before may overstate the stock for at most its
 * time to live. Reservations never read the cache: they are decided by the database.
 */
@ApplicationScoped
public class AvailabilityCache implements AvailabilityReads {

    static final String MAP = "mercato-inventory-availability";
    private static final int TTL_SECONDS = 5;
    /** The longest a request waits for the grid. */
    static final Duration GRID_WAIT = Duration.ofMillis(250);
    /** How long the cache is left alone after the grid did not answer in time. */
    static final Duration BYPASS = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(AvailabilityCache.class.getName());

    @Inject
    HazelcastInstance grid;

    private IMap<String, Long> map;
    private volatile long bypassUntilNanos = System.nanoTime();

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

    /** The cached availability of a SKU, or empty (not cached, or the grid slow or failing). */
    @Override
    public OptionalLong cached(String sku) {
        if (bypassed()) {
            return OptionalLong.empty();
        }
        Long cached = await(map.getAsync(sku), "read");
        return cached == null ? OptionalLong.empty() : OptionalLong.of(cached);
    }

    /** Remembers a value just read from the database, unless a writer got there first. */
    @Override
    public void remember(String sku, long available) {
        if (bypassed()) {
            return;
        }
        // no asynchronous putIfAbsent in IMap: a read that was not cached could wait here, so it is only tried
        // while the grid answers in time (see bypassed())
        try {
            map.putIfAbsent(sku, available, TTL_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            failed("write", e);
        }
    }

    /**
     * Before commit, with the SKU's stock row locked: the cache shows what the change leaves.
     *
     * @param available units available once the change commits
     */
    public void lower(String sku, long available) {
        if (bypassed()) {
            return;
        }
        await(map.setAsync(sku, available, TTL_SECONDS, TimeUnit.SECONDS), "lower");
    }

    /** After commit or rollback: the next read loads the committed value. Not waited for. */
    public void evict(String sku) {
        try {
            map.removeAsync(sku).whenComplete((previous, error) -> {
                if (error != null) {
                    LOG.log(Level.FINE, "availability cache: could not drop " + sku + "; it expires in "
                            + TTL_SECONDS + " s", error);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "availability cache: could not drop " + sku, e);
        }
    }

    private boolean bypassed() {
        return System.nanoTime() - bypassUntilNanos < 0;
    }

    private <T> T await(CompletionStage<T> call, String what) {
        try {
            return call.toCompletableFuture().get(GRID_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failed(what, new IllegalStateException("no answer within " + GRID_WAIT.toMillis() + " ms"));
        } catch (ExecutionException e) {
            failed(what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed(what, e);
        }
        return null;
    }

    private void failed(String what, Throwable error) {
        boolean first = !bypassed();
        bypassUntilNanos = System.nanoTime() + BYPASS.toNanos();
        if (first) {
            LOG.warning(() -> "availability cache: the data grid failed a " + what + " (" + error
                    + "); reading the database for " + BYPASS.toSeconds() + " s");
        }
    }
}
