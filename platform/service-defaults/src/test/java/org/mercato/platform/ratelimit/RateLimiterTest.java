package org.mercato.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/** The buckets on a real Hazelcast member (the version Payara bundles), through Bucket4j's lock-based manager. */
class RateLimiterTest {

    private static HazelcastInstance member;
    private static RateLimiter limiter;

    @BeforeAll
    static void startMember() {
        Config config = new Config();
        config.setClusterName("rate-limiter-test-" + UUID.randomUUID());
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        member = Hazelcast.newHazelcastInstance(config);
        limiter = RateLimiter.over(member);
    }

    @AfterAll
    static void stopMember() {
        member.shutdown();
    }

    @Test
    void allowsTheBurstThenRefusesWithTheTimeToTheNextRequest() {
        RateLimit threePerMinute = new RateLimit(3, 60);
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryTake(key, threePerMinute).allowed());
        }
        RateLimitDecision refused = limiter.tryTake(key, threePerMinute);
        assertFalse(refused.allowed());
        // one request comes back every 20 s
        assertTrue(refused.retryAfterSeconds() > 15 && refused.retryAfterSeconds() <= 20,
                "retry after " + refused.retryAfterSeconds());
        assertTrue(limiter.tryTake("test:" + UUID.randomUUID(), threePerMinute).allowed(), "other keys are apart");
        assertTrue(member.getMap(RateLimiter.MAP_NAME).size() >= 2, "buckets live in the grid");
    }

    @Test
    void peekDoesNotSpendAndTakeNeverGoesBelowEmpty() {
        RateLimit twoPerHour = new RateLimit(2, 3600);
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.peek(key, twoPerHour).allowed());
        }
        limiter.take(key, twoPerHour);
        limiter.take(key, twoPerHour);
        limiter.take(key, twoPerHour);
        assertFalse(limiter.peek(key, twoPerHour).allowed());
        limiter.forget(key, twoPerHour);
        assertTrue(limiter.peek(key, twoPerHour).allowed(), "a forgotten bucket starts full");
    }

    @Test
    void refillsOverThePeriod() throws InterruptedException {
        RateLimit onePerSecond = new RateLimit(1, 1);
        String key = "test:" + UUID.randomUUID();
        assertTrue(limiter.tryTake(key, onePerSecond).allowed());
        assertFalse(limiter.tryTake(key, onePerSecond).allowed());
        Thread.sleep(1100);
        assertTrue(limiter.tryTake(key, onePerSecond).allowed());
    }

    @Test
    void offLimitsNothing() {
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.tryTake("test:off", RateLimit.off()).allowed());
        }
    }

    /**
     * A grid that does not answer (here: the bucket's key locked by another thread, as a migrating partition would
     * hold it) costs a request at most the wait bound; the instance then counts in its own buckets, which still
     * refuse past the limit, and goes back to the grid once the bypass is over.
     */
    @Test
    void aStalledGridCostsAtMostTheBoundAndLimitsStillHold() throws Exception {
        RateLimiter stalled = RateLimiter.over(member);
        RateLimit twoPerMinute = new RateLimit(2, 60);
        String key = "test:" + UUID.randomUUID();
        IMap<String, byte[]> buckets = member.getMap(RateLimiter.MAP_NAME);
        String storedKey = key + "@" + twoPerMinute;
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            buckets.lock(storedKey);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                buckets.unlock(storedKey);
            }
        });
        holder.start();
        try {
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            assertTrue(stalled.tryTake(key, twoPerMinute).allowed(), "the first request is within the limit");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMillis < 1000, "waited " + tookMillis + " ms for a stalled grid");
            assertTrue(stalled.bypassingGrid(), "a late grid switches to local buckets");
            long second = System.nanoTime();
            assertTrue(stalled.tryTake(key, twoPerMinute).allowed());
            assertFalse(stalled.tryTake(key, twoPerMinute).allowed(), "local buckets still refuse past the limit");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - second) < 200,
                    "while bypassed, no request waits on the grid");
        } finally {
            release.countDown();
            holder.join(10_000);
            stalled.stop();
        }
    }
}
