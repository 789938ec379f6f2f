package org.mercato.admin.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.math.BigDecimal;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class DashboardPageTest {

    @Test
    void theChartShowsRevenueInMajorUnitsAndOrderCountsPerDay() {
        JsonObject sales = Json.createReader(new StringReader("""
                {"currency":"EUR","days":[
                 {"date":"2026-11-30","orders":2,"revenue":{"amount":12345,"currency":"EUR"}},
                 {"date":"2026-12-01","orders":0,"revenue":{"amount":0,"currency":"EUR"}}]}""")).readObject();

        JsonObject chart = Json.createReader(new StringReader(DashboardPage.salesChart(sales))).readObject();

        assertEquals("11-30", chart.getJsonObject("data").getJsonArray("labels").getString(0));
        var datasets = chart.getJsonObject("data").getJsonArray("datasets");
        assertEquals(new BigDecimal("123.45"), datasets.getJsonObject(0).getJsonArray("data").getJsonNumber(0)
                .bigDecimalValue());
        assertEquals(2, datasets.getJsonObject(1).getJsonArray("data").getInt(0));
    }

    @Test
    void importProgressReachesAHundredOnlyWhenTheJobFinished() {
        assertEquals(0, ImportPage.progress(null));
        assertEquals(50, ImportPage.progress(Json.createObjectBuilder().add("products", 10).add("processed", 5)
                .build()));
        assertEquals(99, ImportPage.progress(Json.createObjectBuilder().add("products", 10).add("processed", 10)
                .build()));
        assertEquals(100, ImportPage.progress(Json.createObjectBuilder().add("products", 10).add("processed", 10)
                .add("finishedAt", "2026-12-01T10:00:00Z").build()));
    }

    @Test
    void refundAmountsAreTakenInMajorUnitsAndNeverRounded() {
        assertEquals(1250, OrderPage.toMinor(new BigDecimal("12.5"), "EUR"));
        assertEquals(1250, OrderPage.toMinor(new BigDecimal("1250"), "JPY"));
        org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class, () -> OrderPage.toMinor(
                new BigDecimal("12.505"), "EUR"));
    }

    @Test
    void jsonValuesReachThePagesAsPlainJavaValues() {
        JsonObject order = Json.createObjectBuilder().add("status", "PAID").add("total", Json.createObjectBuilder()
                .add("amount", 1999)).addNull("note").add("paid", true).build();
        assertEquals("PAID", JsonELResolver.unwrap(order.get("status")));
        assertEquals(1999L, JsonELResolver.unwrap(order.getJsonObject("total").get("amount")));
        assertEquals(null, JsonELResolver.unwrap(order.get("note")));
        assertEquals(Boolean.TRUE, JsonELResolver.unwrap(order.get("paid")));
        assertEquals("19.99 EUR", new Formats().money(Json.createObjectBuilder().add("amount", 1999)
                .add("currency", "EUR").build()));
    }

    @org.junit.jupiter.api.Test
    void aReadinessUrlThatDoesNotAnswerIsShownByItsService() {
        org.junit.jupiter.api.Assertions.assertEquals("users-unreachable",
                ServiceHealth.nameOf("http://127.0.0.1:8081/users/health/ready"));
        org.junit.jupiter.api.Assertions.assertEquals("platform-unreachable",
                ServiceHealth.nameOf("http://127.0.0.1:8080/health/ready"));
    }
}
