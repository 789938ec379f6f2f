package org.mercato.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: after {@code base}, doubling with each failure up to {@code max}, each
 * wait drawn between half and all of it (jitter, so receivers coming back are not hit by every delivery at once),
 * for a {@code window} from the first attempt. The window's end itself is always tried once; a delivery that fails
 * then is given up. Defaults: 10 s doubling, at most 1 h, for 24 h.
 */
public record RetrySchedule(Duration base, Duration max, Duration window) {

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || window.isNegative()) {
            throw new IllegalArgumentException("need 0 < base <= max and a window >= 0: " + base + ", " + max + ", "
                    + window);
        }
    }

    /** The wait after the n-th failed attempt before jitter: base, 2 x base, 4 x base... at most max. */
    public Duration backOff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    /**
     * @param failedAttempts failures so far, the one that just happened included (1 after the first)
     * @param failedAt when the attempt that just failed was made
     * @param windowStart the first attempt of this delivery (or of its replay)
     * @param random the jitter's source
     * @return when to try next, or empty when the delivery is given up (the attempt at or after the window's end
     *         failed)
     */
    public Optional<Instant> next(int failedAttempts, Instant failedAt, Instant windowStart, RandomGenerator random) {
        Instant windowEnd = windowStart.plus(window);
        if (!failedAt.isBefore(windowEnd)) {
            return Optional.empty();
        }
        long full = backOff(failedAttempts).toMillis();
        long jittered = full / 2 + (full / 2 > 0 ? random.nextLong(full - full / 2 + 1) : full - full / 2);
        Instant next = failedAt.plusMillis(jittered);
        return Optional.of(next.isAfter(windowEnd) ? windowEnd : next);
    }
}
