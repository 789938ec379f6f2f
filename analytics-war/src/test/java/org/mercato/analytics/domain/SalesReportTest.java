package org.mercato.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SalesReportTest {

    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.parse("1970-01-01"), LocalDate.parse(
            "1970-01-03"));

    private static DailySales day(String date, long orders, long revenue) {
        return new DailySales(LocalDate.parse(date), orders, revenue);
    }

    @Test
    void aReportHoldsExactlyTheDaysOfItsPeriodInOrder() {
        SalesReport report = new SalesReport("EUR", PERIOD, List.of(day("1970-01-01", 1, 1000), day("1970-01-02", 0,
                0), day("1970-01-03", 2, 3001)));
        assertEquals(3, report.orders());
        assertEquals(4001, report.revenue());
        assertEquals(1334, report.averageOrderValue());
    }

    @Test
    void daysThatAreNotThePeriodsAreAFaultNotAnAnswer() {
        assertThrows(IllegalStateException.class, () -> new SalesReport("EUR", PERIOD, List.of(day("1970-01-01", 0,
                0), day("1970-01-02", 0, 0))));
        // the fault the tester saw: year 0 asked for, year 1 answered
        assertThrows(IllegalStateException.class, () -> new SalesReport("EUR", PERIOD, List.of(day("1971-01-01", 0,
                0), day("1971-01-02", 0, 0), day("1971-01-03", 0, 0))));
        assertThrows(IllegalStateException.class, () -> new SalesReport("EUR", PERIOD, List.of(day("1970-01-01", 0,
                0), day("1970-01-03", 0, 0), day("1970-01-02", 0, 0))));
    }
}
