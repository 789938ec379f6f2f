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
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("YYYY-MM-DD"), e.getMessage());
        }
        AnalyticsException backwards = assertThrows(AnalyticsException.class,
                () -> ReportPeriod.parse("2026-11-25", "2026-11-24", TODAY));
        assertTrue(backwards.getMessage().contains("after"), backwards.getMessage());
        AnalyticsException tooLong = assertThrows(AnalyticsException.class,
                () -> ReportPeriod.parse("2026-01-01", "2027-01-02", TODAY));
        assertTrue(tooLong.getMessage().contains("367"), tooLong.getMessage());
        // from alone, over a year before today: more than 366 days up to today
        assertEquals(400, assertThrows(AnalyticsException.class,
                () -> ReportPeriod.parse("2025-01-01", null, TODAY)).status());
    }
}
