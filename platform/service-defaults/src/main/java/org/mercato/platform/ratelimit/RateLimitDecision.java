package org.mercato.platform.ratelimit;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * What a rate limit said about one request.
 *
 * @param allowed whether the request may go on
 * @param retryAfterSeconds when refused, seconds until a request would be allowed again (at least 1); 0 otherwise
 */
public record RateLimitDecision(boolean allowed, long retryAfterSeconds) {

    private static final RateLimitDecision ALLOWED = new RateLimitDecision(true, 0);

    /** The request may go on. */
    public static RateLimitDecision allow() {
        return ALLOWED;
    }

    /** Refused for this many nanoseconds, rounded up to whole seconds (at least 1). */
    public static RateLimitDecision refuseForNanos(long nanos) {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new RateLimitDecision(false, seconds);
    }

    /** Throws the 429 problem when refused. */
    public void orThrow(String detail) {
        if (!allowed) {
            throw tooManyRequests(retryAfterSeconds, detail);
        }
    }

    /**
     * The 429 problem+json every Mercato rate limit answers with, and its {@code Retry-After} header in seconds.
     */
    public static ProblemException tooManyRequests(long retryAfterSeconds, String detail) {
        return new ProblemException(Problem.of(429, "too-many-requests", "Too many requests", detail)
                .withHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }
}
