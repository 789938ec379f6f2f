package org.mercato.analytics.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The UTC days a report covers, both ends included: at most {@value #MAX_DAYS} days (a leap year), all of them from
 * {@link #FIRST_DAY} to {@link #LAST_DAY} (the years the staff lists' time windows take, 1970 to 9999).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    /** Without dates a report covers this many days up to today. */
    public static final int DEFAULT_DAYS = 30;
    /** The first day a report may cover. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    /** The last day a report may cover. */
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /**
     * @throws AnalyticsException naming {@code from} or {@code to} when a day is missing or outside
     *         {@link #FIRST_DAY}..{@link #LAST_DAY}, naming {@code from} when it is after {@code to} or the period is
     *         longer than {@value #MAX_DAYS} days
     */
    public ReportPeriod {
        if (from == null || to == null) {
            throw AnalyticsException.invalid(from == null ? "from" : "to", "is required for a period");
        }
        requireInRange("from", from);
        requireInRange("to", to);
        if (from.isAfter(to)) {
            throw AnalyticsException.invalid("from", "(" + from + ") must not be after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw AnalyticsException.invalid("from", "must be at most " + MAX_DAYS + " days before to; " + from
                    + " to " + to + " is " + (ChronoUnit.DAYS.between(from, to) + 1) + " days");
        }
    }

    /**
     * Reads {@code from} and {@code to} as ISO dates (YYYY-MM-DD); a missing {@code to} is today, a missing
     * {@code from} is {@value #DEFAULT_DAYS} days up to and including {@code to}, but not before {@link #FIRST_DAY}.
     */
    public static ReportPeriod parse(String from, String to, LocalDate today) {
        LocalDate start = blank(from) ? null : date("from", from);
        LocalDate end = blank(to) ? today : date("to", to);
        if (start == null) {
            // only a default: it must not make a period the caller could not have asked for
            LocalDate thirtyDays = end.minusDays(DEFAULT_DAYS - 1L);
            start = thirtyDays.isBefore(FIRST_DAY) ? FIRST_DAY : thirtyDays;
        }
        return new ReportPeriod(start, end);
    }

    /** How many days the period has, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static void requireInRange(String name, LocalDate day) {
        // year 0 and BC days would go through java.sql.Date's Julian calendar and PostgreSQL's BC dates and come
        // back as other days: no shop sold anything then anyway
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw AnalyticsException.invalid(name, "must be a day from " + FIRST_DAY + " to " + LAST_DAY + ", not "
                    + day);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate date(String name, String value) {
        String text = value.trim();
        // ISO 8601's basic four-digit year only: "+10000-01-01" parses but is no date a shop reports on
        if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw AnalyticsException.invalid(name, "must be a date as YYYY-MM-DD, not '" + shorten(value) + "'");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw AnalyticsException.invalid(name, "must be a date as YYYY-MM-DD, not '" + shorten(value) + "'");
        }
        requireInRange(name, day);
        return day;
    }

    static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
