package org.mercato.user.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.hazelcast.core.HazelcastInstance;

import org.mercato.user.domain.Account;
import org.mercato.user.domain.InvalidCredentialsException;
import org.mercato.user.domain.SignInThrottledException;
import org.mercato.user.infrastructure.TestGrid;

/**
 * Wrong current passwords at {@code PUT /accounts/me/password} are throttled like wrong sign-in passwords, in the
 * same buckets: the use cases over in-memory fakes and the real grid throttle with its default limits (5 wrong
 * passwords per account and address, then one every 3 minutes).
 */
class PasswordChangeThrottleTest {

    private static final String RIGHT = "correct horse battery";
    private static final String GUESSER = "203.0.113.7";
    private static final String OWNER_ELSEWHERE = "198.51.100.7";

    private static HazelcastInstance member;
    private InMemoryAuthentication fakes;
    private Account account;
    private String email;

    @BeforeAll
    static void startMember() {
        member = TestGrid.startMember("password-change-throttle-test");
    }

    @AfterAll
    static void stopMember() {
        member.shutdown();
    }

    @BeforeEach
    void account() {
        fakes = new InMemoryAuthentication(TestGrid.throttleOver(member));
        email = "Ann-" + UUID.randomUUID() + "@Shop.example";
        account = fakes.customer(email, RIGHT);
    }

    private void wrongCurrentPassword(int attempt, String address) {
        assertThrows(InvalidCredentialsException.class, () -> fakes.accounts().changePassword(account.id(),
                "guess " + attempt, "a new long password", address));
    }

    @Test
    void afterFiveWrongCurrentPasswordsThatClientWaitsWithoutAHashBeingComputed() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            wrongCurrentPassword(attempt, GUESSER);
        }
        int checks = fakes.passwordChecks();
        SignInThrottledException throttled = assertThrows(SignInThrottledException.class,
                () -> fakes.accounts().changePassword(account.id(), "guess 6", "a new long password", GUESSER));
        assertTrue(throttled.retryAfterSeconds() > 0 && throttled.retryAfterSeconds() <= 180,
                "one try back every 3 minutes: " + throttled.retryAfterSeconds());
        assertThrows(SignInThrottledException.class,
                () -> fakes.accounts().changePassword(account.id(), RIGHT, "a new long password", GUESSER),
                "even the right password waits, or the throttle would confirm a guess");
        assertEquals(checks, fakes.passwordChecks(), "a throttled attempt costs no password hash");
        assertEquals("plain:" + RIGHT, account.passwordHash(), "nothing changed");
    }

    @Test
    void signInAndPasswordChangeGuessesShareOneBudget() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            int n = attempt;
            assertThrows(InvalidCredentialsException.class,
                    () -> fakes.service().login(email, ("guess " + n).toCharArray(), GUESSER + "1"));
        }
        wrongCurrentPassword(4, GUESSER + "1");
        wrongCurrentPassword(5, GUESSER + "1");
        assertThrows(SignInThrottledException.class, () -> fakes.accounts().changePassword(account.id(), "guess 6",
                "a new long password", GUESSER + "1"));
        assertThrows(SignInThrottledException.class,
                () -> fakes.service().login(email, "guess 7".toCharArray(), GUESSER + "1"));
    }

    @Test
    void theOwnerElsewhereIsNotLockedOut() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            wrongCurrentPassword(attempt, GUESSER + "2");
        }
        assertThrows(SignInThrottledException.class, () -> fakes.accounts().changePassword(account.id(), "guess 6",
                "a new long password", GUESSER + "2"));
        assertDoesNotThrow(() -> fakes.service().login(email.toLowerCase(), RIGHT.toCharArray(), OWNER_ELSEWHERE));
        assertDoesNotThrow(() -> fakes.accounts().changePassword(account.id(), RIGHT, "a new long password",
                OWNER_ELSEWHERE));
        assertEquals("plain:a new long password", account.passwordHash());
    }

    @Test
    void aRightCurrentPasswordForgetsThatAddressesFailures() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            wrongCurrentPassword(attempt, GUESSER + "3");
        }
        fakes.accounts().changePassword(account.id(), RIGHT, "a new long password", GUESSER + "3");
        for (int attempt = 1; attempt <= 5; attempt++) {
            wrongCurrentPassword(attempt, GUESSER + "3");
        }
        assertThrows(SignInThrottledException.class, () -> fakes.accounts().changePassword(account.id(),
                "a new long password", "another long password", GUESSER + "3"));
    }
}
