package org.mercato.admin.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.admin.infrastructure.ServiceFailure;
import org.mercato.admin.infrastructure.StaffTokens;

class StaffSessionTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-01T10:00:00Z");

    /** user-war in a box: hands out numbered pairs, remembers what was refreshed and revoked. */
    static class FakeTokens extends StaffTokens {
        final List<String> refreshed = new ArrayList<>();
        final List<String> revoked = new ArrayList<>();
        ServiceFailure refuse;
        Instant now = SIGNED_IN;

        @Override
        public Tokens refresh(String refreshToken) {
            if (refuse != null) {
                throw refuse;
            }
            refreshed.add(refreshToken);
            return new Tokens("access-" + (refreshed.size() + 1), "refresh-" + (refreshed.size() + 1), now
                    .plusSeconds(900));
        }

        @Override
        public void revoke(String refreshToken) {
            revoked.add(refreshToken);
        }
    }

    private final FakeTokens tokens = new FakeTokens();
    private final StaffSession session = new StaffSession();

    @BeforeEach
    void signIn() {
        session.tokens = tokens;
        session.signIn(new StaffTokens.Tokens("access-1", "refresh-1", SIGNED_IN.plusSeconds(900)),
                new StaffTokens.Account("staff-7", "ann@mercato.test", "Ann", List.of("staff")));
    }

    private void at(Instant now) {
        tokens.now = now;
        session.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    @Test
    void aFreshTokenIsUsedAsItIs() {
        at(SIGNED_IN.plusSeconds(60));
        assertEquals("Bearer access-1", session.bearer());
        assertTrue(tokens.refreshed.isEmpty());
    }

    @Test
    void aTokenAboutToExpireIsRefreshedOnceAndTheNewRefreshTokenKept() {
        at(SIGNED_IN.plusSeconds(850));
        assertEquals("Bearer access-2", session.bearer());
        assertEquals("Bearer access-2", session.bearer());
        assertEquals(List.of("refresh-1"), tokens.refreshed);
        at(SIGNED_IN.plusSeconds(850 + 850));
        assertEquals("Bearer access-3", session.bearer());
        assertEquals(List.of("refresh-1", "refresh-2"), tokens.refreshed);
    }

    @Test
    void aRefusedRefreshEndsTheSignIn() {
        tokens.refuse = new ServiceFailure(401, "Invalid refresh token");
        at(SIGNED_IN.plusSeconds(1000));
        assertThrows(StaffSession.NotSignedIn.class, session::bearer);
        assertFalse(session.isSignedIn());
    }

    @Test
    void whileUsersIsDownTheStillValidTokenKeepsWorking() {
        tokens.refuse = new ServiceFailure(0, "The users service is not answering right now");
        at(SIGNED_IN.plusSeconds(850));
        assertEquals("Bearer access-1", session.bearer());
        at(SIGNED_IN.plusSeconds(901));
        assertThrows(ServiceFailure.class, session::bearer);
        assertTrue(session.isSignedIn());
    }

    @Test
    void signingOutRevokesTheRefreshToken() {
        session.signOut();
        assertEquals(List.of("refresh-1"), tokens.revoked);
        assertFalse(session.isSignedIn());
        session.ended();
        assertEquals(List.of("refresh-1"), tokens.revoked, "an ended session has nothing left to revoke");
    }
}
