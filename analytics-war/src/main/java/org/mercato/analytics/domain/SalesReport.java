package org.mercato.analytics.domain;

import java.util.List;

/** The daily series of a period in one currency, with its totals. */
public record SalesReport(String currency, ReportPeriod period, List<DailySales> days) {

    public SalesReport {
        days = List.copyOf(days);
    }

    public long orders() {
        return days.stream().mapToLong(DailySales::orders).sum();
    }

    public long revenue() {
        return days.stream().mapToLong(DailySales::revenue).sum();
    }

    /** Over the whole period (not an average of the daily averages). */
    public long averageOrderValue() {
        return AverageOrderValue.of(revenue(), orders());
    }
}
