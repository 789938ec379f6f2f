package org.mercato.analytics.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.analytics.domain.ProductSales;
import org.mercato.analytics.domain.ReportParameters;
import org.mercato.analytics.domain.ReportPeriod;
import org.mercato.analytics.domain.SalesFigures;
import org.mercato.analytics.domain.SalesReport;

/** The reports staff read: revenue, orders and average order value per day, and the best-selling products. */
@ApplicationScoped
public class SalesReportService {

    @Inject
    SalesFigures figures;

    /** The one currency the shop sells in, as every service reads it (MERCATO_SHOP_CURRENCY). */
    @Inject
    @ConfigProperty(name = "mercato.shop.currency", defaultValue = "EUR")
    String shopCurrency;

    protected SalesReportService() {
        // for CDI
    }

    /** For tests: reports over these figures, in a shop that sells in EUR. */
    public SalesReportService(SalesFigures figures) {
        this(figures, "EUR");
    }

    /** For tests: reports over these figures, in a shop that sells in {@code shopCurrency}. */
    public SalesReportService(SalesFigures figures, String shopCurrency) {
        this.figures = figures;
        this.shopCurrency = shopCurrency;
    }

    /**
     * The currency a report is asked in, checked: the shop's when absent.
     *
     * @throws org.mercato.analytics.domain.AnalyticsException when it is not an ISO 4217 code (400)
     * @throws org.mercato.platform.money.CurrencyNotAcceptedException when the shop does not sell in it (422)
     */
    public String currency(String requested) {
        return ReportParameters.currency(requested, shopCurrency);
    }

    /** Every day of the period, oldest first, with its figures in the currency, and the period's totals. */
    public SalesReport daily(ReportPeriod period, String currency) {
        return new SalesReport(currency, period, figures.daily(period, currency));
    }

    /** The period's best sellers in the currency: by quantity, then revenue, then SKU; at most {@code limit}. */
    public List<ProductSales> topProducts(ReportPeriod period, String currency, int limit) {
        return figures.topProducts(period, currency, limit);
    }
}
