package org.mercato.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    @Test
    void withoutDatesItIsTheLastThirtyDaysUpToToday() {
        ReportPeriod period = ReportPeriod.parse(null, null, TODAY);
        assertEquals(LocalDate.parse("2026-10-26"), period.from());
        assertEquals(TODAY, period.to());
        assertEquals(30, period.days());
        assertEquals(period, ReportPeriod.parse("", " ", TODAY));
    }

    @Test
    void aMissingFromIsThirtyDaysUpToTheGivenTo() {
        ReportPeriod period = ReportPeriod.parse(null, "2026-03-01", TODAY);
        assertEquals(LocalDate.parse("2026-01-31"), period.from());
        assertEquals(30, period.days());
    }

    @Test
    void oneDayAndAWholeLeapYearAreAllowed() {
        assertEquals(1, ReportPeriod.parse("2026-11-24", "2026-11-24", TODAY).days());
        assertEquals(366, ReportPeriod.parse("2028-01-01", "2028-12-31", TODAY).days());
    }

    @Test
    void refusesUnreadableDatesFromAfterToAndMoreThan366Days() {
        for (String[] bad : new String[][]{{"2026-13-01", "2026-12-01"}, {"24.11.2026", null},
                {"2026-11-24T00:00:00Z", null}, {"yesterday", null}, {null, "2026-02-30"},
                {"+10000-01-01", "+10000-01-02"}, {"-0001-01-01", null}, {"٢٠٢٦-١١-٢٤", null}}) {
            AnalyticsException e = assertThrows(AnalyticsException.class,
                    () -> ReportPeriod.parse(bad[0], bad[1], TODAY));
            assertEquals(bad[0] != null ? "from" : "to", e.parameter(), e.getMessage());
            assertTrue(e.getMessage().contains("YYYY-MM-DD"), e.getMessage());
        }
        AnalyticsException backwards = assertThrows(AnalyticsException.class,
                () -> ReportPeriod.parse("2026-11-25", "2026-11-24", TODAY));
        assertTrue(backwards.getMessage().contains("after"), backwards.getMessage());
        assertEquals("from", backwards.parameter());
        AnalyticsException tooLong = assertThrows(AnalyticsException.class,
                () -> ReportPeriod.parse("2026-01-01", "2027-01-02", TODAY));
        assertTrue(tooLong.getMessage().contains("367"), tooLong.getMessage());
        assertEquals("from", tooLong.parameter());
        // from alone, over a year before today: more than 366 days up to today
        assertEquals("from", assertThrows(AnalyticsException.class,
                () -> ReportPeriod.parse("2025-01-01", null, TODAY)).parameter());
    }

    @Test
    void yearZeroAndDaysOutsideTheYears1970To9999AreRefusedNamingTheParameter() {
        // year 0 and BC days came back as other days through java.sql.Date and PostgreSQL's BC dates
        for (String[] bad : new String[][]{{"0000-01-01", "0000-01-05"}, {null, "0000-01-05"},
                {"1969-12-31", "1970-01-05"}, {"9999-12-31", "10000-01-01"}, {"0001-01-01", "0001-01-01"}}) {
            AnalyticsException e = assertThrows(AnalyticsException.class,
                    () -> ReportPeriod.parse(bad[0], bad[1], TODAY));
            String named = bad[0] != null && !bad[0].startsWith("9999") ? "from" : "to";
            assertEquals(named, e.parameter(), e.getMessage());
            assertTrue(e.getMessage().startsWith(named + " "), e.getMessage());
        }
        assertEquals("to", assertThrows(AnalyticsException.class, () -> new ReportPeriod(LocalDate.of(9999, 12, 31),
                LocalDate.of(10_000, 1, 1))).parameter());
        assertEquals("from", assertThrows(AnalyticsException.class, () -> new ReportPeriod(LocalDate.of(0, 1, 1),
                LocalDate.of(0, 1, 5))).parameter());
    }

    @Test
    void theFirstAndLastReportableDaysAreAllowedAndADefaultFromStopsAtTheFirst() {
        assertEquals(5, ReportPeriod.parse("1970-01-01", "1970-01-05", TODAY).days());
        assertEquals(31, ReportPeriod.parse("9999-12-01", "9999-12-31", TODAY).days());
        ReportPeriod early = ReportPeriod.parse(null, "1970-01-05", TODAY);
        assertEquals(ReportPeriod.FIRST_DAY, early.from());
        assertEquals(5, early.days());
    }
}
