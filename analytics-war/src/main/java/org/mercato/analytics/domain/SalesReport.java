package org.mercato.analytics.domain;

import java.util.List;

/** The daily series of a period in one currency, with its totals. */
public record SalesReport(String currency, ReportPeriod period, List<DailySales> days) {

    /** @throws IllegalStateException unless {@code days} are exactly the period's days, in order */
    public SalesReport {
        days = List.copyOf(days);
        // the answer names its period: its days must be that period's and no others
        if (days.size() != period.days()) {
            throw new IllegalStateException("a report of " + period.from() + " to " + period.to() + " needs "
                    + period.days() + " days, not " + days.size());
        }
        for (int i = 0; i < days.size(); i++) {
            if (!days.get(i).date().equals(period.from().plusDays(i))) {
                throw new IllegalStateException("day " + i + " of a report from " + period.from() + " is "
                        + days.get(i).date() + ", not " + period.from().plusDays(i));
            }
        }
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
