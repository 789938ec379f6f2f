package org.mercato.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;

/**
 * Token buckets (Bucket4j) kept in the Hazelcast data grid, so every instance of a service counts against the same
 * limit. The lock-based proxy manager is used on purpose: the entry-processor one needs Bucket4j's classes on the
 * Hazelcast member's class path, which Payara's member cannot see from a WAR; this one stores plain bytes. A bucket
 * leaves the grid once it would be full again.
 * <p>
 * A bucket operation waits for the grid at most {@link #GRID_WAIT}: the lock-based manager takes a key lock, which
 * a grid busy migrating partitions (an instance of any service lost or rejoining) can hold up for many seconds,
 * and the filter runs on every rate-limited request. An operation that times out or fails switches this instance
 * to its own in-memory buckets for {@link #BYPASS} (the same limits, counted per instance instead of shared), so
 * requests are still limited and none waits on the grid; the late grid operation finishes on its own thread.
 */
@ApplicationScoped
public class RateLimiter {

    /** The Hazelcast map holding every service's buckets; keys start with the service's own prefix. */
    public static final String MAP_NAME = "mercato-rate-limits";

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    /** The longest a request waits for a bucket in the grid. */
    static final Duration GRID_WAIT = Duration.ofMillis(250);
    /** How long this instance counts in its own buckets after the grid did not answer in time. */
    static final Duration BYPASS = Duration.ofSeconds(10);
    /** Local buckets kept at most while the grid is bypassed (then they start over, full). */
    private static final int LOCAL_BUCKETS_MAX = 10_000;

    @Inject
    Instance<HazelcastInstance> grid;

    private volatile ProxyManager<String> buckets;
    private final ThreadPoolExecutor gridCalls = gridCallThreads();
    private final Map<String, Bucket> localBuckets = new ConcurrentHashMap<>();
    private volatile long bypassUntilNanos = System.nanoTime();

    /** For tests and for callers that hold a Hazelcast instance themselves. */
    public static RateLimiter over(HazelcastInstance hazelcast) {
        RateLimiter limiter = new RateLimiter();
        limiter.buckets = proxyManager(hazelcast);
        return limiter;
    }

    /** Takes one request from the bucket {@code key}; refused when the limit is spent. */
    public RateLimitDecision tryTake(String key, RateLimit limit) {
        if (!limit.isOn()) {
            return RateLimitDecision.allow();
        }
        BucketProxy shared = bucket(key, limit);
        return bounded(() -> taken(shared.tryConsumeAndReturnRemaining(1)),
                () -> taken(localBucket(key, limit).tryConsumeAndReturnRemaining(1)));
    }

    /** Whether one more request would be allowed, without taking it (for limits spent only by failures). */
    public RateLimitDecision peek(String key, RateLimit limit) {
        if (!limit.isOn()) {
            return RateLimitDecision.allow();
        }
        BucketProxy shared = bucket(key, limit);
        return bounded(() -> estimated(shared.estimateAbilityToConsume(1)),
                () -> estimated(localBucket(key, limit).estimateAbilityToConsume(1)));
    }

    /** Takes one request whatever is left (a failure that has already happened is counted anyway). */
    public void take(String key, RateLimit limit) {
        if (limit.isOn()) {
            BucketProxy shared = bucket(key, limit);
            bounded(() -> shared.tryConsumeAsMuchAsPossible(1),
                    () -> localBucket(key, limit).tryConsumeAsMuchAsPossible(1));
        }
    }

    /** Forgets the bucket: the next request starts with a full one. */
    public void forget(String key, RateLimit limit) {
        if (limit.isOn()) {
            localBuckets.remove(storedKey(key, limit));
            ProxyManager<String> shared = buckets();
            bounded(() -> {
                shared.removeProxy(storedKey(key, limit));
                return null;
            }, () -> null);
        }
    }

    /** Whether this instance counts in its own buckets now, because the grid did not answer in time. */
    public boolean bypassingGrid() {
        return System.nanoTime() - bypassUntilNanos < 0;
    }

    @PreDestroy
    void stop() {
        gridCalls.shutdownNow();
    }

    private static RateLimitDecision taken(ConsumptionProbe probe) {
        return probe.isConsumed()
                ? RateLimitDecision.allow()
                : RateLimitDecision.refuseForNanos(probe.getNanosToWaitForRefill());
    }

    private static RateLimitDecision estimated(EstimationProbe probe) {
        return probe.canBeConsumed()
                ? RateLimitDecision.allow()
                : RateLimitDecision.refuseForNanos(probe.getNanosToWaitForRefill());
    }

    /** Runs {@code onGrid} on a grid-call thread, waiting at most {@link #GRID_WAIT}; else {@code local}. */
    private <T> T bounded(Callable<T> onGrid, Callable<T> local) {
        try {
            if (bypassingGrid()) {
                return local.call();
            }
            Future<T> call;
            try {
                call = gridCalls.submit(onGrid);
            } catch (RejectedExecutionException allThreadsWaitOnTheGrid) {
                failed("every grid-call thread is waiting");
                return local.call();
            }
            try {
                return call.get(GRID_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                failed("no answer within " + GRID_WAIT.toMillis() + " ms");
            } catch (ExecutionException e) {
                failed(String.valueOf(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return local.call();
        } catch (Exception localBucketsCannotFail) {
            throw new IllegalStateException(localBucketsCannotFail);
        }
    }

    private void failed(String error) {
        boolean first = !bypassingGrid();
        bypassUntilNanos = System.nanoTime() + BYPASS.toNanos();
        if (first) {
            LOG.warning(() -> "Rate limits: the data grid failed a bucket operation (" + error
                    + "); counting in this instance's own buckets for " + BYPASS.toSeconds() + " s");
        }
    }

    private Bucket localBucket(String key, RateLimit limit) {
        if (localBuckets.size() >= LOCAL_BUCKETS_MAX) {
            localBuckets.clear();
        }
        return localBuckets.computeIfAbsent(storedKey(key, limit), k -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.period()))
                .build());
    }

    private static ThreadPoolExecutor gridCallThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(64), work -> {
                    Thread thread = new Thread(work, "mercato-rate-limit-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }

    private BucketProxy bucket(String key, RateLimit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.period()))
                .build();
        return buckets().getProxy(storedKey(key, limit), () -> configuration);
    }

    /** The limit is part of the key, so a changed setting starts fresh buckets instead of reusing old ones. */
    private static String storedKey(String key, RateLimit limit) {
        return key + "@" + limit;
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> manager = buckets;
        if (manager == null) {
            synchronized (this) {
                if (buckets == null) {
                    buckets = proxyManager(grid.get());
                    LOG.info(() -> "Rate limits kept in the Hazelcast map " + MAP_NAME);
                }
                manager = buckets;
            }
        }
        return manager;
    }

    private static ProxyManager<String> proxyManager(HazelcastInstance hazelcast) {
        IMap<String, byte[]> map = hazelcast.getMap(MAP_NAME);
        return Bucket4jHazelcast.lockBasedBuilder(map)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }
}
