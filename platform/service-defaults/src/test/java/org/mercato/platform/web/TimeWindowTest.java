package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.platform.problem.ProblemException;

class TimeWindowTest {

    private static String refusedField(String from, String to) {
        ProblemException e = assertThrows(ProblemException.class, () -> TimeWindow.of(from, to), from + " " + to);
        assertEquals(400, e.problem().status());
        return e.problem().errors().get(0).field();
    }

    @Test
    void datesAreWholeUtcDaysBothInclusive() {
        TimeWindow day = TimeWindow.of("2026-12-01", "2026-12-01");
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), day.from());
        assertEquals(Instant.parse("2026-12-01T23:59:59.999999Z"), day.to());
        assertTrue(day.contains(Instant.parse("2026-12-01T00:00:00Z")));
        assertTrue(day.contains(Instant.parse("2026-12-01T23:59:59.999999Z")));
        assertFalse(day.contains(Instant.parse("2026-12-02T00:00:00Z")));
        assertFalse(day.contains(Instant.parse("2026-11-30T23:59:59.999999Z")));
    }

    @Test
    void instantsAreTakenExactlyAndEitherBoundMayBeOpen() {
        TimeWindow window = TimeWindow.of("2026-12-01T10:00:00Z", "2026-12-01T12:00:00+01:00");
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), window.from());
        assertEquals(Instant.parse("2026-12-01T11:00:00Z"), window.to());
        assertNull(TimeWindow.of(null, "2026-12-01").from());
        assertNull(TimeWindow.of("2026-12-01", null).to());
        assertEquals(TimeWindow.ANY, TimeWindow.of(null, null));
        assertTrue(TimeWindow.ANY.contains(Instant.EPOCH));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), TimeWindow.of("2026-12-01T10:00:00Z",
                "2026-12-01T10:00:00Z").to(), "a window of one instant");
    }

    @Test
    void badValuesNameTheirParameter() {
        for (String bad : List.of("", " ", "yesterday", "2026-13-01", "2026-02-30", "01.12.2026", "2026-12-1",
                "2026-12-01T10:00:00", "1969-12-31", "10000-01-01", "+10000-01-01T00:00:00Z", "2026-12-01Z")) {
            assertEquals("from", refusedField(bad, null), bad);
            assertEquals("to", refusedField(null, bad), bad);
        }
    }

    @Test
    void fromAfterToIsRefusedNamingFrom() {
        assertEquals("from", refusedField("2026-12-02", "2026-12-01"));
        assertEquals("from", refusedField("2026-12-01T10:00:00.000001Z", "2026-12-01T10:00:00Z"));
        assertEquals("from", refusedField("2026-12-02T00:00:00Z", "2026-12-01"));
    }
}
