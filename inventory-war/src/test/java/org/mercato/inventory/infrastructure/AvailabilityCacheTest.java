package org.mercato.inventory.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/** The availability cache on a real one-member Hazelcast grid (loopback, no discovery). */
class AvailabilityCacheTest {

    private static HazelcastInstance grid;

    @BeforeAll
    static void startGrid() {
        Config config = new Config().setClusterName("availability-cache-test-" + System.nanoTime());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(0).getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        grid = Hazelcast.newHazelcastInstance(config);
    }

    @AfterAll
    static void stopGrid() {
        grid.shutdown();
    }

    private static AvailabilityCache cache() {
        AvailabilityCache cache = new AvailabilityCache();
        cache.grid = grid;
        cache.open();
        return cache;
    }

    @Test
    void aLoweredValueIsReadUntilTheChangeEvictsIt() throws Exception {
        AvailabilityCache cache = cache();
        cache.remember("SKU-LOWER", 10);
        assertEquals(OptionalLong.of(10), cache.cached("SKU-LOWER"));
        cache.lower("SKU-LOWER", 7);
        assertEquals(OptionalLong.of(7), cache.cached("SKU-LOWER"));
        // a reader's older value does not overwrite the writer's
        cache.remember("SKU-LOWER", 10);
        assertEquals(OptionalLong.of(7), cache.cached("SKU-LOWER"));
        cache.evict("SKU-LOWER");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (cache.cached("SKU-LOWER").isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(OptionalLong.empty(), cache.cached("SKU-LOWER"), "evicted after the commit");
    }

    @Test
    void aStalledGridHoldsTheCallerForAtMostTheGridWaitThenIsLeftAlone() throws Exception {
        AvailabilityCache cache = cache();
        IMap<String, Long> map = grid.getMap(AvailabilityCache.MAP);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a key lock held by another thread: the grid does not answer a write of that key until it is released,
        // as when its partition is migrating
        Thread holder = new Thread(() -> {
            map.lock("SKU-STALLED");
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                map.unlock("SKU-STALLED");
            }
        });
        holder.start();
        try {
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            long started = System.nanoTime();
            cache.lower("SKU-STALLED", 3);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(waited.compareTo(AvailabilityCache.GRID_WAIT.plusSeconds(1)) < 0, "waited " + waited);
            assertTrue(waited.compareTo(AvailabilityCache.GRID_WAIT) >= 0, "it did wait for the grid: " + waited);
            // then the cache is bypassed: reads go to the database at once, even for other SKUs
            map.set("SKU-OTHER", 42L);
            started = System.nanoTime();
            assertEquals(OptionalLong.empty(), cache.cached("SKU-OTHER"));
            cache.lower("SKU-STALLED", 2);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(AvailabilityCache.GRID_WAIT) < 0,
                    "no second wait while bypassed");
        } finally {
            release.countDown();
            holder.join(10_000);
        }
    }
}
