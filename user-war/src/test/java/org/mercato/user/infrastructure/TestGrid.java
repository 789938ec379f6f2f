package org.mercato.user.infrastructure;

import java.util.UUID;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import org.mercato.platform.ratelimit.RateLimit;
import org.mercato.platform.ratelimit.RateLimitSettings;
import org.mercato.platform.ratelimit.RateLimiter;

/** A lone Hazelcast member on loopback, and the sign-in throttle over it with the default limits. */
public final class TestGrid {

    /** The client address the throttle's settings exempt from the per-address limit (as the system tests' is). */
    public static final String EXEMPT_ADDRESS = "127.0.0.1";

    private TestGrid() {
    }

    /** A new member in a cluster of its own; shut it down after the tests. */
    public static HazelcastInstance startMember(String name) {
        Config config = new Config();
        config.setClusterName(name + "-" + UUID.randomUUID());
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        return Hazelcast.newHazelcastInstance(config);
    }

    /** The real sign-in throttle over the member, with the default limits and 30 days of known addresses. */
    public static GridSignInThrottle throttleOver(HazelcastInstance member) {
        GridSignInThrottle throttle = new GridSignInThrottle() {
            @Override
            HazelcastInstance hazelcast() {
                return member;
            }
        };
        throttle.limiter = RateLimiter.over(member);
        throttle.settings = new RateLimitSettings() {
            @Override
            public RateLimit limit(String name, String fallback) {
                return RateLimit.parse(fallback);
            }

            @Override
            public boolean isExempt(String clientAddress) {
                return EXEMPT_ADDRESS.equals(clientAddress);
            }

            @Override
            public String keyPrefix() {
                return "users:";
            }
        };
        throttle.knownAddressDays = 30;
        return throttle;
    }
}
