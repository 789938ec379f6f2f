package org.mercato.analytics.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mercato.analytics.domain.ProductSales;
import org.mercato.analytics.domain.ReportPeriod;
import org.mercato.analytics.domain.SalesFigures;
import org.mercato.analytics.domain.SalesReport;

/** The reports staff read: revenue, orders and average order value per day, and the best-selling products. */
@ApplicationScoped
public class SalesReportService {

    @Inject
    SalesFigures figures;

    protected SalesReportService() {
        // for CDI
    }

    public SalesReportService(SalesFigures figures) {
        this.figures = figures;
    }

    public SalesReport daily(ReportPeriod period, String currency) {
        return new SalesReport(currency, period, figures.daily(period, currency));
    }

    public List<ProductSales> topProducts(ReportPeriod period, String currency, int limit) {
        return figures.topProducts(period, currency, limit);
    }
}
