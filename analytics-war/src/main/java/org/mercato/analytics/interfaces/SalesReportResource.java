package org.mercato.analytics.interfaces;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.mercato.analytics.application.SalesReportService;
import org.mercato.analytics.domain.DailySales;
import org.mercato.analytics.domain.ProductSales;
import org.mercato.analytics.domain.ReportParameters;
import org.mercato.analytics.domain.ReportPeriod;
import org.mercato.analytics.domain.SalesReport;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyJson;
import org.mercato.platform.security.Roles;

/**
 * Sales reports for staff, by UTC day and in the shop's currency (money in minor units). Query parameters are read
 * as text and checked here, so a bad one is a 400 problem naming it rather than JAX-RS's bare 404; another currency
 * than the shop's is 422 {@code currency-not-accepted}, as everywhere else.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class SalesReportResource {

    @Inject
    SalesReportService reports;

    @Inject
    Clock clock;

    /** {@code GET /analytics/api/sales/daily?from=&to=&currency=}: every day of the period, with totals. */
    @GET
    @Path("sales/daily")
    public JsonObject dailySales(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("currency") String currency) {
        String code = reports.currency(currency);
        SalesReport report = reports.daily(ReportPeriod.parse(from, to, today()), code);
        JsonArrayBuilder days = Json.createArrayBuilder();
        for (DailySales day : report.days()) {
            days.add(figures(Json.createObjectBuilder().add("date", day.date().toString()), day.orders(),
                    day.revenue(), day.averageOrderValue(), code));
        }
        return Json.createObjectBuilder().add("currency", code).add("from", report.period().from().toString())
                .add("to", report.period().to().toString()).add("days", days)
                .add("totals", figures(Json.createObjectBuilder(), report.orders(), report.revenue(),
                        report.averageOrderValue(), code))
                .build();
    }

    /** {@code GET /analytics/api/products/top?from=&to=&limit=&currency=}: best sellers by quantity, then revenue. */
    @GET
    @Path("products/top")
    public JsonObject topProducts(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("currency") String currency) {
        String code = reports.currency(currency);
        int size = ReportParameters.limit(limit);
        ReportPeriod period = ReportPeriod.parse(from, to, today());
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (ProductSales product : reports.topProducts(period, code, size)) {
            items.add(Json.createObjectBuilder().add("sku", product.sku()).add("name", product.name())
                    .add("quantity", product.quantity())
                    .add("revenue", MoneyJson.of(new Money(product.revenue(), code)))
                    .add("orders", product.orders()));
        }
        return Json.createObjectBuilder().add("currency", code).add("from", period.from().toString())
                .add("to", period.to().toString()).add("items", items).build();
    }

    private static JsonObjectBuilder figures(JsonObjectBuilder json, long orders, long revenue, long average,
            String currency) {
        return json.add("orders", orders).add("revenue", MoneyJson.of(new Money(revenue, currency)))
                .add("averageOrderValue", MoneyJson.of(new Money(average, currency)));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
