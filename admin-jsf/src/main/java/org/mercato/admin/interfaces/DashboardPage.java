package org.mercato.admin.interfaces;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;

/**
 * Backs dashboard.xhtml: today's orders and revenue and a 30-day chart (analytics), open shipments (fulfillment),
 * failed orders (orders), out-of-stock products (catalog) and the readiness of every service. Each part reads its
 * own service; one that fails shows its message and the others still show.
 */
@Named
@RequestScoped
public class DashboardPage {

    static final String CURRENCY = "EUR";
    /** The payment states in which nothing was taken (payments' PaymentStatus). */
    static final String FAILED_PAYMENTS = "DECLINED,FAILED,VOIDED,AUTHENTICATION_REQUIRED";
    static final int FAILED_PAYMENT_DAYS = 7;

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    @Inject
    Formats fmt;

    private List<ServiceHealth> checks = List.of();
    private JsonObject sales;
    private JsonObject today;
    private String chart;
    private long openShipments = -1;
    private List<JsonObject> newShipments = List.of();
    private long failedPayments = -1;
    private List<JsonObject> failed = List.of();
    private List<JsonObject> lowStock = List.of();
    private long outOfStock = -1;
    private long activeProducts;
    private List<JsonObject> outOfStockSample = List.of();

    @PostConstruct
    void load() {
        loadHealth();
        loadSales();
        loadShipments();
        loadFailedPayments();
        loadStock();
        loadLowStock();
    }

    /** Every configured readiness document's checks, in one list; one that cannot be read shows as DOWN. */
    private void loadHealth() {
        List<ServiceHealth> all = new java.util.ArrayList<>();
        int unreadable = 0;
        for (var entry : apis.health().entrySet()) {
            try {
                JsonObject health;
                try {
                    health = entry.getValue().ready();
                } catch (WebApplicationException down) {
                    // 503 still carries the checks: the one that is DOWN is the news
                    health = down.getResponse().readEntity(JsonObject.class);
                }
                all.addAll(ServiceHealth.fromHealthJson(health));
            } catch (RuntimeException e) {
                unreadable++;
                all.add(new ServiceHealth(ServiceHealth.nameOf(entry.getKey()), "DOWN"));
            }
        }
        all.sort(java.util.Comparator.comparing(ServiceHealth::getName));
        checks = all;
        if (unreadable > 0 && unreadable == all.size()) {
            StaffActions.error("health", "Health information is unavailable right now.");
        }
    }

    private void loadSales() {
        try {
            LocalDate to = LocalDate.now(ZoneOffset.UTC);
            String bearer = session.bearer();
            sales = ServiceFailure.call("analytics", () -> apis.analytics().dailySales(to.minusDays(29).toString(),
                    to.toString(), CURRENCY, bearer));
            var days = sales.getJsonArray("days");
            today = days.isEmpty() ? null : days.getJsonObject(days.size() - 1);
            chart = salesChart(sales);
        } catch (ServiceFailure failure) {
            StaffActions.error("sales", failure.getMessage());
        }
    }

    private void loadShipments() {
        try {
            String bearer = session.bearer();
            long open = 0;
            for (String status : List.of("NEW", "PICKED", "PACKED")) {
                JsonObject page = ServiceFailure.call("fulfillment", () -> apis.fulfillment().shipments(status, null,
                        0, 5, bearer));
                open += page.getJsonNumber("total").longValue();
                if (status.equals("NEW")) {
                    newShipments = page.getJsonArray("items").getValuesAs(JsonObject.class);
                }
            }
            openShipments = open;
        } catch (ServiceFailure failure) {
            StaffActions.error("shipments", failure.getMessage());
        }
    }

    /** Payments of the last 7 days that took nothing: declined, failed, voided or waiting for authentication. */
    private void loadFailedPayments() {
        try {
            String bearer = session.bearer();
            String from = LocalDate.now(ZoneOffset.UTC).minusDays(FAILED_PAYMENT_DAYS - 1).toString();
            JsonObject page = ServiceFailure.call("payments", () -> apis.payments().payments(FAILED_PAYMENTS, from,
                    null, "-created", 0, 5, bearer));
            failedPayments = page.getJsonNumber("total").longValue();
            failed = page.getJsonArray("items").getValuesAs(JsonObject.class);
        } catch (ServiceFailure failure) {
            StaffActions.error("failed", failure.getMessage());
        }
    }

    /** The SKUs with the fewest units available, below the shop's low-stock threshold. */
    private void loadLowStock() {
        try {
            String bearer = session.bearer();
            lowStock = ServiceFailure.call("inventory", () -> apis.inventory().stockList(null, true, null, null,
                    "available", 0, 10, bearer)).getJsonArray("items").getValuesAs(JsonObject.class);
        } catch (ServiceFailure failure) {
            StaffActions.error("lowStock", failure.getMessage());
        }
    }

    private void loadStock() {
        try {
            String bearer = session.bearer();
            JsonObject all = ServiceFailure.call("catalog", () -> apis.catalog().products(null, null, null, "newest",
                    0, 100, bearer));
            activeProducts = all.getJsonNumber("total").longValue();
            List<JsonObject> sample = new ArrayList<>();
            for (JsonObject product : all.getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (!product.getBoolean("inStock", true) && sample.size() < 10) {
                    sample.add(product);
                }
            }
            outOfStockSample = sample;
            outOfStock = activeProducts - countInStock(bearer);
        } catch (ServiceFailure failure) {
            StaffActions.error("stock", failure.getMessage());
        }
    }

    private long countInStock(String bearer) {
        // the catalog search counts what can be bought with inStock=true; products without it are out of stock
        JsonObject inStock = ServiceFailure.call("catalog", () -> apis.catalog().productsInStock("true", 0, 1, bearer));
        return inStock.getJsonNumber("total").longValue();
    }

    /** Chart.js configuration: revenue (line, left axis, in major units) and orders (bars, right axis) per day. */
    static String salesChart(JsonObject sales) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder revenue = Json.createArrayBuilder();
        JsonArrayBuilder orders = Json.createArrayBuilder();
        String currency = sales.getString("currency", CURRENCY);
        for (JsonValue value : sales.getJsonArray("days")) {
            JsonObject day = value.asJsonObject();
            labels.add(day.getString("date").substring(5));
            revenue.add(Formats.decimal(day.getJsonObject("revenue").getJsonNumber("amount").longValue(), currency));
            orders.add(day.getJsonNumber("orders").longValue());
        }
        JsonObject config = Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "line")
                                        .add("label", "Revenue (" + currency + ")").add("data", revenue)
                                        .add("yAxisID", "revenue").add("borderColor", "#2563eb")
                                        .add("backgroundColor", "#2563eb").add("tension", 0.2))
                                .add(Json.createObjectBuilder().add("type", "bar").add("label", "Orders")
                                        .add("data", orders).add("yAxisID", "orders")
                                        .add("backgroundColor", "#a3c4f3"))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("animation", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("revenue", Json.createObjectBuilder().add("type", "linear")
                                        .add("position", "left").add("beginAtZero", true))
                                .add("orders", Json.createObjectBuilder().add("type", "linear")
                                        .add("position", "right").add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0))
                                        .add("grid", Json.createObjectBuilder().add("drawOnChartArea", false)))))
                .build();
        return config.toString();
    }

    public List<ServiceHealth> getChecks() {
        return checks;
    }

    public JsonObject getSales() {
        return sales;
    }

    public JsonObject getToday() {
        return today;
    }

    public String getChart() {
        return chart;
    }

    public long getOpenShipments() {
        return openShipments;
    }

    public List<JsonObject> getNewShipments() {
        return newShipments;
    }

    public long getFailedPayments() {
        return failedPayments;
    }

    public List<JsonObject> getLowStock() {
        return lowStock;
    }

    public List<JsonObject> getFailed() {
        return failed;
    }

    public long getOutOfStock() {
        return outOfStock;
    }

    public long getActiveProducts() {
        return activeProducts;
    }

    public List<JsonObject> getOutOfStockSample() {
        return outOfStockSample;
    }
}
