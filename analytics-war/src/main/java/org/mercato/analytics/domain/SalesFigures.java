package org.mercato.analytics.domain;

import java.util.List;

/** The figures reports are made of, aggregated where the facts are (in the database), one currency at a time. */
public interface SalesFigures {

    /** Orders and net revenue of each day of the period, every day present (zero when nothing sold), in order. */
    List<DailySales> daily(ReportPeriod period, String currency);

    /** The best-selling SKUs of the period: by quantity, then revenue; at most {@code limit}. */
    List<ProductSales> topProducts(ReportPeriod period, String currency, int limit);
}
