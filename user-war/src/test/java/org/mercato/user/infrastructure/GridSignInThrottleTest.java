package org.mercato.user.infrastructure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import org.mercato.platform.ratelimit.RateLimit;
import org.mercato.platform.ratelimit.RateLimitSettings;
import org.mercato.platform.ratelimit.RateLimiter;
import org.mercato.user.domain.SignInThrottledException;

/** The sign-in back-off's rules on a real Hazelcast member, with the default limits. */
class GridSignInThrottleTest {

    private static HazelcastInstance member;
    private GridSignInThrottle throttle;
    private String account;

    @BeforeAll
    static void startMember() {
        Config config = new Config();
        config.setClusterName("sign-in-throttle-test-" + UUID.randomUUID());
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        member = Hazelcast.newHazelcastInstance(config);
    }

    @AfterAll
    static void stopMember() {
        member.shutdown();
    }

    @BeforeEach
    void throttle() {
        throttle = new GridSignInThrottle() {
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
                return "127.0.0.1".equals(clientAddress);
            }

            @Override
            public String keyPrefix() {
                return "users:";
            }
        };
        throttle.knownAddressDays = 30;
        account = "ann-" + UUID.randomUUID() + "@shop.example";
    }

    private void wrongPassword(String address) {
        throttle.beforeAttempt(account, address);
        throttle.failed(account, address);
    }

    @Test
    void fiveWrongPasswordsThrottleThatAddressOnly() {
        for (int i = 0; i < 5; i++) {
            wrongPassword("203.0.113.1");
        }
        SignInThrottledException throttled = assertThrows(SignInThrottledException.class,
                () -> throttle.beforeAttempt(account, "203.0.113.1"));
        assertTrue(throttled.retryAfterSeconds() > 0 && throttled.retryAfterSeconds() <= 180,
                "one try back every 3 minutes: " + throttled.retryAfterSeconds());
        assertDoesNotThrow(() -> throttle.beforeAttempt(account, "198.51.100.2"), "the owner elsewhere");
    }

    @Test
    void aRightPasswordForgetsThatAddressesFailures() {
        for (int i = 0; i < 4; i++) {
            wrongPassword("203.0.113.1");
        }
        throttle.beforeAttempt(account, "203.0.113.1");
        throttle.succeeded(account, "203.0.113.1");
        for (int i = 0; i < 5; i++) {
            wrongPassword("203.0.113.1");
        }
        assertThrows(SignInThrottledException.class, () -> throttle.beforeAttempt(account, "203.0.113.1"));
    }

    @Test
    void whenTheAccountWideBudgetIsSpentOnlyKnownAddressesGetIn() {
        throttle.beforeAttempt(account, "198.51.100.2");
        throttle.succeeded(account, "198.51.100.2");
        for (int guesser = 0; guesser < 10; guesser++) {
            for (int i = 0; i < 5; i++) {
                wrongPassword("203.0.113." + (10 + guesser));
            }
        }
        assertThrows(SignInThrottledException.class, () -> throttle.beforeAttempt(account, "192.0.2.77"),
                "a new address waits");
        assertDoesNotThrow(() -> throttle.beforeAttempt(account, "198.51.100.2"), "the owner's known address");
    }

    @Test
    void everyAttemptFromOneAddressCountsWhateverTheAccount() {
        for (int i = 0; i < 20; i++) {
            throttle.beforeAttempt("someone-" + i + "@shop.example", "203.0.113.99");
        }
        assertThrows(SignInThrottledException.class,
                () -> throttle.beforeAttempt("someone-else@shop.example", "203.0.113.99"));
        for (int i = 0; i < 50; i++) {
            throttle.beforeAttempt("someone-" + i + "@shop.example", "127.0.0.1");
        }
    }
}
