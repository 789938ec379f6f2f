package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate limits with their default settings, black-box. The test platform trusts 127.0.0.1 as a proxy, so
 * {@code X-Forwarded-For} stands for clients at other addresses; 127.0.0.1 itself is exempt from per-address limits
 * so the other tests can register and sign in as much as they like (see {@link PlatformExtension}).
 */
@ExtendWith(PlatformExtension.class)
class RateLimitIT {

    // the defaults in user-war, cart-war and order-war (orders: the test platform's setting)
    private static final int SIGN_INS_PER_ADDRESS = 20;
    private static final int FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
    private static final int FAILURES_PER_ACCOUNT = 50;
    private static final int REGISTRATIONS_PER_ADDRESS = 10;
    private static final int CARTS_PER_ADDRESS = 20;
    private static final int ORDERS_PER_CUSTOMER = 60;
    private static final String PASSWORD = "correct horse battery";

    /** A documentation address (198.18.0.0/15) no other test uses. */
    private static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static Http.Reply post(String path, String json, String clientAddress, String token) {
        return PlatformExtension.http().send(PlatformExtension.http().request(path, token)
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Http.Reply signIn(String email, String password, String clientAddress) {
        return post("/users/api/tokens", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                clientAddress, null);
    }

    private static void assertTooManyRequests(Http.Reply reply, long maxSeconds) {
        UserApiIT.assertProblem(reply, 429);
        assertTrue(reply.json().getString("type").endsWith("/too-many-requests"), reply.body());
        String retryAfter = reply.header("Retry-After");
        assertNotNull(retryAfter, "429 without Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= maxSeconds, "Retry-After " + seconds);
    }

    /**
     * Sends until refused: the first {@code limit} must all pass (the bucket starts full); a refusal must come soon
     * after (requests trickle back over the period, so one or two more may pass while the test runs).
     */
    private static Http.Reply spendUntilRefused(int limit, java.util.function.IntFunction<Http.Reply> request) {
        for (int i = 1; i <= limit + 5; i++) {
            Http.Reply reply = request.apply(i);
            if (reply.status() == 429) {
                assertTrue(i > limit, "refused after only " + (i - 1) + " requests: " + reply.body());
                return reply;
            }
        }
        fail("no 429 within " + (limit + 5) + " requests");
        return null;
    }

    @Test
    void signInIsLimitedPerClientAddress() {
        String attacker = someAddress();
        Http.Reply refused = spendUntilRefused(SIGN_INS_PER_ADDRESS,
                i -> signIn("nobody-" + UUID.randomUUID() + "@mercato.test", "guess" + i, attacker));
        assertTooManyRequests(refused, 60);
        // another client is not affected
        assertEquals(401, signIn("nobody@mercato.test", "guess", someAddress()).status());
    }

    @Test
    void guessingThrottlesTheGuesserButNotTheOwnerElsewhere() {
        String email = UserApiIT.uniqueEmail();
        UserApiIT.register(email, PASSWORD);
        String owner = someAddress();
        assertEquals(200, signIn(email, PASSWORD, owner).status(), "the owner signs in from home");

        String attacker = someAddress();
        for (int i = 1; i <= FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertEquals(401, signIn(email, "guess" + i, attacker).status());
        }
        assertTooManyRequests(signIn(email, "guess6", attacker), 900);
        // even the right password waits at the attacker's address, so guessing there has stopped
        assertTooManyRequests(signIn(email, PASSWORD, attacker), 900);
        // the owner, at home or on the road, is not locked out
        assertEquals(200, signIn(email, PASSWORD, owner).status());
        assertEquals(200, signIn(email, PASSWORD, someAddress()).status());
    }

    @Test
    void manyGuessersTogetherSlowStrangersDownButNeverTheOwnerAtAKnownAddress() {
        String email = UserApiIT.uniqueEmail();
        UserApiIT.register(email, PASSWORD);
        String owner = someAddress();
        assertEquals(200, signIn(email, PASSWORD, owner).status());

        int failures = 0;
        while (failures < FAILURES_PER_ACCOUNT) {
            String guesser = someAddress();
            for (int i = 0; i < FAILURES_PER_ACCOUNT_AND_ADDRESS && failures < FAILURES_PER_ACCOUNT; i++) {
                assertEquals(401, signIn(email, "guess" + failures, guesser).status());
                failures++;
            }
        }
        // the account-wide budget for wrong passwords is spent: a new address waits, even with the right one
        assertTooManyRequests(signIn(email, PASSWORD, someAddress()), 3600);
        // the owner's own address is known from an earlier sign-in and still gets in
        assertEquals(200, signIn(email, PASSWORD, owner).status());
    }

    @Test
    void forwardedForIsIgnoredWhenThePeerIsNotATrustedProxy() {
        // 127.0.0.2 is a client like any other: whatever it writes in X-Forwarded-For, its requests count together
        int port = PlatformExtension.platform().httpPort();
        RawHttp.Reply refused = null;
        for (int i = 1; i <= CARTS_PER_ADDRESS + 5 && refused == null; i++) {
            RawHttp.Reply reply = RawHttp.send("127.0.0.2", port, "POST", "/cart/api/carts", null,
                    "X-Forwarded-For: " + someAddress());
            if (reply.status() == 429) {
                assertTrue(i > CARTS_PER_ADDRESS, "refused after " + (i - 1));
                refused = reply;
            } else {
                assertEquals(201, reply.status(), reply.body());
            }
        }
        assertNotNull(refused, "carts from 127.0.0.2 were never limited: X-Forwarded-For was believed");
        assertNotNull(refused.header("Retry-After"));
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        // and a trusted proxy's word is taken: the same header from 127.0.0.1 is a fresh client
        assertEquals(201, post("/cart/api/carts", "", someAddress(), null).status());
    }

    @Test
    void registrationIsLimitedPerClientAddress() {
        String client = someAddress();
        Http.Reply refused = spendUntilRefused(REGISTRATIONS_PER_ADDRESS, i -> {
            Http.Reply reply = post("/users/api/accounts", "{\"email\":\"" + UserApiIT.uniqueEmail()
                    + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Busy\"}", client, null);
            assertNotEquals(400, reply.status(), reply.body());
            return reply;
        });
        assertTooManyRequests(refused, 600);
        assertEquals(201, post("/users/api/accounts", "{\"email\":\"" + UserApiIT.uniqueEmail()
                + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Other\"}", someAddress(), null).status());
    }

    @Test
    void cartCreationIsLimitedPerClientAddress() {
        String client = someAddress();
        Http.Reply refused = spendUntilRefused(CARTS_PER_ADDRESS, i -> {
            Http.Reply reply = post("/cart/api/carts", "", client, null);
            assertTrue(reply.status() == 201 || reply.status() == 429, reply.body());
            return reply;
        });
        assertTooManyRequests(refused, 60);
    }

    @Test
    void placingOrdersIsLimitedPerCustomer() {
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        // the limit is checked before the order is read: empty orders (400) count like real ones
        Http.Reply refused = spendUntilRefused(ORDERS_PER_CUSTOMER, i -> {
            Http.Reply reply = PlatformExtension.http().send(PlatformExtension.http().request("/orders/api/orders",
                    token).header("Content-Type", "application/json").header("Idempotency-Key",
                            UUID.randomUUID().toString())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
            assertTrue(reply.status() == 400 || reply.status() == 429, reply.status() + " " + reply.body());
            return reply;
        });
        assertTooManyRequests(refused, 60);
        // from the same address, another customer places orders as usual
        String other = UserApiIT.newSignedInCustomer().getString("access_token");
        assertEquals(400, PlatformExtension.http().send(PlatformExtension.http().request("/orders/api/orders", other)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).status());
    }
}
