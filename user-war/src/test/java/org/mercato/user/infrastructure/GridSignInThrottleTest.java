package org.mercato.user.infrastructure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.hazelcast.core.HazelcastInstance;

import org.mercato.user.domain.SignInThrottledException;

/** The sign-in back-off's rules on a real Hazelcast member, with the default limits. */
class GridSignInThrottleTest {

    private static HazelcastInstance member;
    private GridSignInThrottle throttle;
    private String account;

    @BeforeAll
    static void startMember() {
        member = TestGrid.startMember("sign-in-throttle-test");
    }

    @AfterAll
    static void stopMember() {
        member.shutdown();
    }

    @BeforeEach
    void throttle() {
        throttle = TestGrid.throttleOver(member);
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
