package org.mercato.benchmarks.gatling;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * What a run is told through system properties ({@code -Dmercato.bench.usersPerSecond=20}); every value has a
 * default, and the target must be this machine.
 *
 * <ul>
 * <li>{@code mercato.bench.baseUrl}: the platform, {@code http://127.0.0.1:8080} by default; only
 * {@code 127.0.0.1} and {@code localhost} are accepted</li>
 * <li>{@code mercato.bench.usersPerSecond}: arrivals of new shoppers per second once ramped up (open model), 5</li>
 * <li>{@code mercato.bench.durationSeconds}: seconds at that rate, 60</li>
 * <li>{@code mercato.bench.rampSeconds}: seconds to ramp up from a tenth of the rate, 10 (0: none)</li>
 * <li>{@code mercato.bench.thinkSeconds}: a shopper's pause between pages, uniform from 0 to this many
 * seconds, 1</li>
 * <li>{@code mercato.bench.adminEmail} / {@code mercato.bench.adminPassword}: the staff account that stocks the
 * SKUs the cart and checkout journeys buy (default: the {@code MERCATO_ADMIN_EMAIL} /
 * {@code MERCATO_ADMIN_PASSWORD} environment variables)</li>
 * <li>{@code mercato.bench.eachJourneyOnce}: {@code true} adds one shopper of each journey at the start of the
 * mixed run, so a short run (the smoke test) goes through all of them, false by default</li>
 * </ul>
 *
 * @param baseUrl the platform's base URL, without a trailing slash
 * @param usersPerSecond new shoppers per second (arrival rate) after the ramp
 * @param durationSeconds seconds of steady arrivals
 * @param rampSeconds seconds of ramp before them
 * @param thinkSeconds the longest pause between a shopper's pages, in seconds
 * @param adminEmail the staff account's email, or null
 * @param adminPassword the staff account's password, or null
 * @param eachJourneyOnce whether the mixed run also starts one shopper of each journey
 */
public record BenchSettings(String baseUrl, double usersPerSecond, int durationSeconds, int rampSeconds,
        double thinkSeconds, String adminEmail, String adminPassword, boolean eachJourneyOnce) {

    /** Room, in seconds, for the last shoppers to finish before a run is stopped whatever happens. */
    static final int GRACE_SECONDS = 60;

    public BenchSettings {
        baseUrl = loopback(baseUrl);
        if (!(usersPerSecond > 0) || usersPerSecond > 10_000) {
            throw new IllegalArgumentException("mercato.bench.usersPerSecond must be above 0 and at most 10000");
        }
        if (durationSeconds < 1 || rampSeconds < 0 || thinkSeconds < 0) {
            throw new IllegalArgumentException(
                    "mercato.bench.durationSeconds must be at least 1, rampSeconds and thinkSeconds at least 0");
        }
    }

    /** The settings from the system properties (and the admin account from the environment if not given). */
    public static BenchSettings fromSystemProperties() {
        return new BenchSettings(System.getProperty("mercato.bench.baseUrl", "http://127.0.0.1:8080"),
                number("mercato.bench.usersPerSecond", "5"),
                wholeNumber("mercato.bench.durationSeconds", "60"),
                wholeNumber("mercato.bench.rampSeconds", "10"),
                number("mercato.bench.thinkSeconds", "1"),
                setting("mercato.bench.adminEmail", "MERCATO_ADMIN_EMAIL"),
                setting("mercato.bench.adminPassword", "MERCATO_ADMIN_PASSWORD"),
                Boolean.parseBoolean(System.getProperty("mercato.bench.eachJourneyOnce", "false")));
    }

    /** The longest a run may take: ramp, steady arrivals and {@link #GRACE_SECONDS}; then Gatling stops it. */
    public Duration maxDuration() {
        return Duration.ofSeconds(rampSeconds + durationSeconds + GRACE_SECONDS);
    }

    /** The longest pause between a shopper's pages. */
    public Duration think() {
        return Duration.ofMillis(Math.round(thinkSeconds * 1000));
    }

    /**
     * A whole-number setting from the system properties.
     *
     * @throws IllegalArgumentException naming the setting when its value is not a whole number
     */
    public static int wholeNumber(String property, String fallback) {
        String value = System.getProperty(property, fallback).strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a whole number, not: " + value, e);
        }
    }

    /**
     * A decimal setting from the system properties ({@code 2.5}).
     *
     * @throws IllegalArgumentException naming the setting when its value is not a finite number
     */
    public static double number(String property, String fallback) {
        String value = System.getProperty(property, fallback).strip();
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(property + " must be a number, not: " + value);
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The base URL if it names this machine over plain HTTP; benchmarks never load another host. */
    static String loopback(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mercato.bench.baseUrl is not a URL: " + baseUrl, e);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"http".equals(uri.getScheme()) || !(host.equals("127.0.0.1") || host.equals("localhost"))
                || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
            throw new IllegalArgumentException(
                    "benchmarks target this machine only: mercato.bench.baseUrl must be http://127.0.0.1:PORT or "
                            + "http://localhost:PORT, not " + baseUrl);
        }
        return "http://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
