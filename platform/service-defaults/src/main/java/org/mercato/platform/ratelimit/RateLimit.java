package org.mercato.platform.ratelimit;

import java.time.Duration;

/**
 * A limit of {@code requests} per {@code periodSeconds}, written {@code "requests/seconds"} in settings (e.g.
 * {@code 10/60}: ten requests per minute), or {@code off}. Spent requests come back evenly over the period (one
 * every {@code periodSeconds / requests} seconds), so a client that keeps to the pace is never refused and one
 * that bursts waits only until the next request comes back.
 *
 * @param requests requests allowed per period (the burst size); 0 means no limit
 * @param periodSeconds length of the period, in seconds
 */
public record RateLimit(long requests, long periodSeconds) {

    private static final RateLimit OFF = new RateLimit(0, 1);

    public RateLimit {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must not be negative");
        }
        if (periodSeconds < 1) {
            throw new IllegalArgumentException("the period must be at least one second");
        }
    }

    /** No limit. */
    public static RateLimit off() {
        return OFF;
    }

    /**
     * Reads a setting's value.
     *
     * @param text {@code "requests/seconds"} such as {@code 20/60}, or {@code off} (also {@code 0} or blank)
     * @throws IllegalArgumentException on anything else, naming the expected form
     */
    public static RateLimit parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty() || value.equalsIgnoreCase("off") || value.equals("0")) {
            return OFF;
        }
        String[] parts = value.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "a rate limit is written requests/seconds (e.g. 20/60) or off, not '" + text + "'");
        }
        try {
            long requests = Long.parseLong(parts[0].trim());
            long seconds = Long.parseLong(parts[1].trim());
            return requests == 0 ? OFF : new RateLimit(requests, seconds);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException(
                    "a rate limit is written requests/seconds (e.g. 20/60) or off, not '" + text + "'", e);
        }
    }

    /** Whether this limits anything. */
    public boolean isOn() {
        return requests > 0;
    }

    /** The period as a duration. */
    public Duration period() {
        return Duration.ofSeconds(periodSeconds);
    }

    @Override
    public String toString() {
        return isOn() ? requests + "/" + periodSeconds : "off";
    }
}
