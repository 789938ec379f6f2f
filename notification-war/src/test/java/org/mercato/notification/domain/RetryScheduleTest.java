package org.mercato.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofHours(24));
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void waitsDoubleFromTheBaseUpToTheCap() {
        long[] seconds = {10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600};
        for (int failures = 1; failures <= seconds.length; failures++) {
            assertEquals(Duration.ofSeconds(seconds[failures - 1]), DEFAULT.backOff(failures), "after " + failures);
        }
        assertEquals(Duration.ofHours(1), DEFAULT.backOff(500), "no overflow");
    }

    @Test
    void eachWaitIsBetweenHalfAndAllOfItsBackOff() {
        Random random = new Random(7);
        for (int failures = 1; failures <= 12; failures++) {
            long full = DEFAULT.backOff(failures).toMillis();
            for (int i = 0; i < 200; i++) {
                Instant failedAt = START.plusSeconds(60);
                long waited = Duration.between(failedAt, DEFAULT.next(failures, failedAt, START, random).orElseThrow())
                        .toMillis();
                assertTrue(waited >= full / 2 && waited <= full, failures + ": " + waited + " of " + full);
            }
        }
    }

    @Test
    void theWindowsEndIsTriedOnceAndAFailureThereGivesUp() {
        Random random = new Random(1);
        Instant nearTheEnd = START.plus(Duration.ofHours(24)).minusSeconds(5);
        assertEquals(Optional.of(START.plus(Duration.ofHours(24))), DEFAULT.next(12, nearTheEnd, START, random),
                "the last wait is cut to the window's end");
        assertEquals(Optional.empty(), DEFAULT.next(13, START.plus(Duration.ofHours(24)), START, random));
        assertEquals(Optional.empty(), DEFAULT.next(13, START.plus(Duration.ofHours(25)), START, random));
    }

    @Test
    void aDayOfRetriesIsAboutThirtyAttempts() {
        Random random = new Random(3);
        Instant at = START;
        int attempts = 1;
        Optional<Instant> next;
        while ((next = DEFAULT.next(attempts, at, START, random)).isPresent()) {
            at = next.get();
            attempts++;
        }
        assertEquals(START.plus(Duration.ofHours(24)), at, "the last attempt is at the window's end");
        assertTrue(attempts >= 25 && attempts <= 50, "attempts in a day: " + attempts);
    }

    @Test
    void refusesAScheduleThatMakesNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(10), Duration
                .ofSeconds(5), Duration.ofHours(1)));
    }
}
