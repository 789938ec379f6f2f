package org.mercato.fulfillment.domain;

import java.util.random.RandomGenerator;

/**
 * Tracking numbers as a carrier prints them: "MP" and ten digits. Random rather than counted, so one shopper's
 * number says nothing about another's; the database's unique index and a look-up before use keep them unique.
 */
public final class TrackingNumbers {

    public static final String PREFIX = "MP";
    private static final long TEN_DIGITS = 10_000_000_000L;

    private TrackingNumbers() {
    }

    public static String next(RandomGenerator random) {
        return PREFIX + String.format("%010d", random.nextLong(TEN_DIGITS));
    }

    public static boolean looksValid(String trackingNumber) {
        return trackingNumber != null && trackingNumber.matches(PREFIX + "\\d{10}");
    }
}
