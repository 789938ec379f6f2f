package org.mercato.platform.ratelimit;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

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
 */
@ApplicationScoped
public class RateLimiter {

    /** The Hazelcast map holding every service's buckets; keys start with the service's own prefix. */
    public static final String MAP_NAME = "mercato-rate-limits";

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    @Inject
    Instance<HazelcastInstance> grid;

    private volatile ProxyManager<String> buckets;

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
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? RateLimitDecision.allow()
                : RateLimitDecision.refuseForNanos(probe.getNanosToWaitForRefill());
    }

    /** Whether one more request would be allowed, without taking it (for limits spent only by failures). */
    public RateLimitDecision peek(String key, RateLimit limit) {
        if (!limit.isOn()) {
            return RateLimitDecision.allow();
        }
        EstimationProbe probe = bucket(key, limit).estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? RateLimitDecision.allow()
                : RateLimitDecision.refuseForNanos(probe.getNanosToWaitForRefill());
    }

    /** Takes one request whatever is left (a failure that has already happened is counted anyway). */
    public void take(String key, RateLimit limit) {
        if (limit.isOn()) {
            bucket(key, limit).tryConsumeAsMuchAsPossible(1);
        }
    }

    /** Forgets the bucket: the next request starts with a full one. */
    public void forget(String key, RateLimit limit) {
        if (limit.isOn()) {
            buckets().removeProxy(storedKey(key, limit));
        }
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
