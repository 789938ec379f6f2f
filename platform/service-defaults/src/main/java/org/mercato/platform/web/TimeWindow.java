package org.mercato.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * The {@code ?from=&to=} window of a staff list over a time (when an order or payment was made), both bounds
 * inclusive and either absent for an open end. Each bound is an ISO-8601 date ({@code 2026-12-01}: a whole day in
 * UTC, {@code from} its first moment, {@code to} its last) or an instant ({@code 2026-12-01T10:00:00Z}, or with an
 * offset such as {@code +01:00}, percent-encoded in a URL), taken exactly. Years 1970 to 9999 only.
 *
 * @param from the first instant in the window, or null for no lower bound
 * @param to the last instant in the window (a date's last microsecond, the databases' precision), or null
 */
public record TimeWindow(Instant from, Instant to) {

    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** No bound at all. */
    public static final TimeWindow ANY = new TimeWindow(null, null);

    /**
     * Reads the two query parameters {@code from} and {@code to}.
     *
     * @throws ProblemException 400 naming {@code from} or {@code to} when a value is neither a date nor an instant,
     *             is outside the years 1970-9999, or {@code from} is after {@code to}
     */
    public static TimeWindow of(String from, String to) {
        Instant start = from == null ? null : bound("from", from, false);
        Instant end = to == null ? null : bound("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid("from", "must not be after to (" + to + ")");
        }
        return new TimeWindow(start, end);
    }

    /** Whether the instant is in the window. */
    public boolean contains(Instant instant) {
        return (from == null || !instant.isBefore(from)) && (to == null || !instant.isAfter(to));
    }

    private static Instant bound(String name, String value, boolean end) {
        String text = value.strip();
        if (text.length() > 40) {
            throw invalid(name, "must be a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)");
        }
        LocalDate day;
        Instant instant;
        try {
            if (text.length() == 10) {
                day = LocalDate.parse(text);
                instant = end
                        ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = OffsetDateTime.parse(text).toInstant();
                day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
            }
        } catch (DateTimeException e) {
            throw invalid(name, "must be a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)");
        }
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw invalid(name, "must be in the years 1970 to 9999");
        }
        return instant;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", field + " " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
