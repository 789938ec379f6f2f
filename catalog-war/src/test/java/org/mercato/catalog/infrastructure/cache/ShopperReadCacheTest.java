package org.mercato.catalog.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.cache.CacheManager;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.ICache;
import com.hazelcast.cache.impl.HazelcastServerCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** The shoppers' read cache on a real one-member Hazelcast grid (JCache, loopback, no discovery). */
class ShopperReadCacheTest {

    private static HazelcastInstance grid;
    private static CacheManager manager;

    @BeforeAll
    static void startGrid() {
        Config config = new Config().setClusterName("shopper-read-cache-test-" + System.nanoTime());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(0).getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        grid = Hazelcast.newHazelcastInstance(config);
        manager = new HazelcastServerCachingProvider(grid).getCacheManager(null, null,
                HazelcastCachingProvider.propertiesByInstanceItself(grid));
    }

    @AfterAll
    static void stopGrid() {
        manager.close();
        grid.shutdown();
    }

    private static ShopperReadCache cache() {
        ShopperReadCache cache = new ShopperReadCache();
        cache.cacheManager = manager;
        cache.open();
        return cache;
    }

    /** Holds the key's partition for a while, as a migration does. */
    static final class Stall implements EntryProcessor<String, ShopperReadCache.Entry, Void>, Serializable {
        private static final long serialVersionUID = 1L;
        /** Counted down once the processor holds the partition (one member: it runs in this JVM). */
        static final CountDownLatch HOLDING = new CountDownLatch(1);

        @Override
        public Void process(MutableEntry<String, ShopperReadCache.Entry> entry, Object... arguments) {
            HOLDING.countDown();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    @Test
    void aReadIsLoadedOnceThenServedFromTheGrid() throws Exception {
        ShopperReadCache cache = cache();
        AtomicInteger loads = new AtomicInteger();
        ShopperReadCache.Entry loaded = cache.get("product:kettle", () -> {
            loads.incrementAndGet();
            return new ShopperReadCache.Entry("{\"name\":\"Kettle\"}", "\"v1\"");
        });
        assertEquals("\"v1\"", loaded.etag());
        // the write is not waited for: poll until a read is served by the grid
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int before;
        do {
            before = loads.get();
            cache.get("product:kettle", () -> {
                loads.incrementAndGet();
                return new ShopperReadCache.Entry("{\"name\":\"Kettle\"}", "\"v1\"");
            });
        } while (loads.get() > before && System.nanoTime() < deadline);
        assertEquals(before, loads.get(), "served from the grid without loading");
        cache.clear();
        cache.get("product:kettle", () -> {
            loads.incrementAndGet();
            return new ShopperReadCache.Entry("{\"name\":\"Kettle\"}", "\"v2\"");
        });
        assertEquals(before + 1, loads.get(), "loaded again after a change cleared the cache");
    }

    @Test
    void aStalledGridHoldsAReadAtMostTheGridWaitThenIsBypassed() throws Exception {
        ShopperReadCache cache = cache();
        @SuppressWarnings("unchecked")
        ICache<String, ShopperReadCache.Entry> icache = manager.getCache(ShopperReadCache.NAME, String.class,
                ShopperReadCache.Entry.class).unwrap(ICache.class);
        Thread stall = new Thread(() -> icache.invoke("product:stalled", new Stall()));
        stall.start();
        try {
            assertTrue(Stall.HOLDING.await(10, TimeUnit.SECONDS), "the partition is held");
            long started = System.nanoTime();
            ShopperReadCache.Entry read = cache.get("product:stalled", () -> new ShopperReadCache.Entry("{}",
                    "\"db\""));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertEquals("\"db\"", read.etag(), "read from the database");
            assertTrue(waited.compareTo(ShopperReadCache.GRID_WAIT.plusSeconds(1)) < 0, "waited " + waited);
            assertTrue(waited.compareTo(ShopperReadCache.GRID_WAIT) >= 0, "it did wait for the grid: " + waited);
            // bypassed now: another key is read from the database at once
            started = System.nanoTime();
            AtomicInteger loads = new AtomicInteger();
            cache.get("product:other", () -> {
                loads.incrementAndGet();
                return new ShopperReadCache.Entry("{}", "\"db\"");
            });
            assertEquals(1, loads.get());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(ShopperReadCache.GRID_WAIT) < 0,
                    "no wait while bypassed");
        } finally {
            stall.join(10_000);
        }
    }

    /** Whether the key is served by the grid without loading (polls: writes to the grid are not waited for). */
    private static boolean cached(ShopperReadCache cache, String key) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        AtomicInteger loads = new AtomicInteger();
        do {
            int before = loads.get();
            cache.get(key, () -> {
                loads.incrementAndGet();
                return new ShopperReadCache.Entry("{}", "\"db\"");
            });
            if (loads.get() == before) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Whether one read of the key had to load it. */
    private static boolean loads(ShopperReadCache cache, String key) {
        AtomicInteger loads = new AtomicInteger();
        cache.get(key, () -> {
            loads.incrementAndGet();
            return new ShopperReadCache.Entry("{}", "\"db\"");
        });
        return loads.get() == 1;
    }

    @Test
    void newsThatArrivesLateAnywaySharesOneScheduledClear() {
        List<Runnable> scheduled = new CopyOnWriteArrayList<>();
        List<Long> delays = new CopyOnWriteArrayList<>();
        ShopperReadCache cache = cache();
        cache.scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("schedule") && arguments[0] instanceof Runnable task) {
                        scheduled.add(task);
                        delays.add(((TimeUnit) arguments[2]).toMillis((Long) arguments[1]));
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertTrue(cached(cache, "product:lamp"));
        for (int i = 0; i < 100; i++) {
            cache.clearSoon();
        }
        assertEquals(1, scheduled.size(), "a hundred changes, one clear");
        assertEquals(List.of(ShopperReadCache.CLEAR_DELAY.toMillis()), delays);
        assertFalse(loads(cache, "product:lamp"), "still cached until the scheduled clear runs");
        scheduled.get(0).run();
        assertTrue(loads(cache, "product:lamp"), "loaded again once the clear ran");
        cache.clearSoon();
        assertEquals(2, scheduled.size(), "a change after the clear started gets a clear of its own");
    }
}
