package org.mercato.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mercato.platform.problem.ProblemException;

class RateLimitTest {

    @Test
    void readsRequestsPerSeconds() {
        RateLimit limit = RateLimit.parse(" 20 / 60 ");
        assertEquals(20, limit.requests());
        assertEquals(60, limit.periodSeconds());
        assertTrue(limit.isOn());
        assertEquals("20/60", limit.toString());
    }

    @Test
    void offZeroAndBlankMeanNoLimit() {
        for (String off : new String[]{"off", "OFF", "0", "", "  ", "0/60"}) {
            assertFalse(RateLimit.parse(off).isOn(), off);
        }
        assertFalse(RateLimit.parse(null).isOn());
    }

    @Test
    void refusesWhatItCannotRead() {
        for (String bad : new String[]{"20", "20/", "/60", "twenty/60", "20/0", "-1/60", "20/60/1", "20 per minute"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateLimit.parse(bad),
                    bad);
            assertTrue(e.getMessage().contains("requests/seconds"), e.getMessage());
        }
    }

    @Test
    void aSettingWinsOverTheDefault() {
        assertEquals(new RateLimit(3, 10), RateLimitSettings.read(Optional.of("3/10"), "20/60"));
        assertEquals(new RateLimit(20, 60), RateLimitSettings.read(Optional.empty(), "20/60"));
        assertFalse(RateLimitSettings.read(Optional.of("off"), "20/60").isOn());
    }

    @Test
    void refusalIsA429ProblemWithRetryAfterInWholeSeconds() {
        RateLimitDecision refused = RateLimitDecision.refuseForNanos(1_200_000_000L);
        assertFalse(refused.allowed());
        assertEquals(2, refused.retryAfterSeconds());
        assertEquals(1, RateLimitDecision.refuseForNanos(0).retryAfterSeconds());
        ProblemException problem = assertThrows(ProblemException.class, () -> refused.orThrow("slow down"));
        assertEquals(429, problem.problem().status());
        var response = problem.problem().toResponse(null);
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", response.getMediaType().toString());
    }
}
