package org.mercato.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class AverageOrderValueTest {

    @Test
    void roundsHalfUpToAWholeMinorUnit() {
        assertEquals(1500, AverageOrderValue.of(3000, 2));
        assertEquals(1501, AverageOrderValue.of(3001, 2)); // 1500.5
        assertEquals(1167, AverageOrderValue.of(3501, 3)); // 1167.0
        assertEquals(1167, AverageOrderValue.of(3500, 3)); // 1166.67
        assertEquals(1166, AverageOrderValue.of(3499, 3)); // 1166.33
        assertEquals(1, AverageOrderValue.of(1, 2)); // 0.5
        assertEquals(0, AverageOrderValue.of(1, 3)); // 0.33
    }

    @Test
    void isZeroWithoutOrdersAndRefusesNegativeCounts() {
        assertEquals(0, AverageOrderValue.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> AverageOrderValue.of(100, -1));
    }

    @Test
    void aReportsTotalsAverageTheWholePeriodNotTheDays() {
        LocalDate day = LocalDate.parse("2026-11-24");
        SalesReport report = new SalesReport("EUR", new ReportPeriod(day, day.plusDays(2)), List.of(
                new DailySales(day, 1, 1000), new DailySales(day.plusDays(1), 0, 0),
                new DailySales(day.plusDays(2), 3, 2001)));
        assertEquals(4, report.orders());
        assertEquals(3001, report.revenue());
        assertEquals(750, report.averageOrderValue()); // 750.25, not (1000 + 667) / 2
        assertEquals(0, report.days().get(1).averageOrderValue());
        assertEquals(667, report.days().get(2).averageOrderValue()); // 667.0
    }
}
