package org.mercato.analytics.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The UTC days a report covers, both ends included: at most {@value #MAX_DAYS} days (a leap year). */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    /** Without dates a report covers this many days up to today. */
    public static final int DEFAULT_DAYS = 30;

    public ReportPeriod {
        if (from == null || to == null) {
            throw AnalyticsException.invalid("a period needs from and to");
        }
        if (from.isAfter(to)) {
            throw AnalyticsException.invalid("from (" + from + ") is after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw AnalyticsException.invalid("a report covers at most " + MAX_DAYS + " days; " + from + " to " + to
                    + " is " + (ChronoUnit.DAYS.between(from, to) + 1));
        }
    }

    /**
     * Reads {@code from} and {@code to} as ISO dates (YYYY-MM-DD); a missing {@code to} is today, a missing
     * {@code from} is {@value #DEFAULT_DAYS} days up to and including {@code to}.
     */
    public static ReportPeriod parse(String from, String to, LocalDate today) {
        LocalDate end = blank(to) ? today : date("to", to);
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1L) : date("from", from);
        return new ReportPeriod(start, end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate date(String name, String value) {
        String text = value.trim();
        // ISO 8601's basic four-digit year only: "+10000-01-01" parses but is no date a shop reports on
        if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw AnalyticsException.invalid(name + " must be a date as YYYY-MM-DD, not '" + shorten(value) + "'");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw AnalyticsException.invalid(name + " must be a date as YYYY-MM-DD, not '" + shorten(value) + "'");
        }
    }

    static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
