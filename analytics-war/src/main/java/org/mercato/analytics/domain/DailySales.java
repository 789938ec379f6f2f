package org.mercato.analytics.domain;

import java.time.LocalDate;

/** One day's figures: orders that still stand and their net revenue (minor units). */
public record DailySales(LocalDate date, long orders, long revenue) {

    public long averageOrderValue() {
        return AverageOrderValue.of(revenue, orders);
    }
}
