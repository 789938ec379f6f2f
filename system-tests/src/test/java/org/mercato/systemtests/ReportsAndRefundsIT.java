package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tester's faults in the staff reports and in refunds, end to end: report days outside 1970-9999 (year 0
 * included) are a 400 naming the parameter and a period answers exactly its days; a report in another currency than
 * the shop's is refused; a refused refund keeps its refusal under its Idempotency-Key (replayed, even once the
 * refund would pass; another body is 422); and the refusal writes money in major units.
 */
@ExtendWith(PlatformExtension.class)
class ReportsAndRefundsIT {

    private static String staff;
    private static String orders;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
        Http.Reply token = http().post("/users/api/service-tokens", "{\"client\":\"orders\",\"secret\":\""
                + PlatformExtension.ORDERS_SERVICE_SECRET + "\"}", null);
        assertEquals(200, token.status(), token.body());
        orders = token.json().getString("access_token");
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String type(Http.Reply problem) {
        return problem.json().getString("type").replaceAll(".*/", "");
    }

    /** A 400 invalid-report-request that names the parameter in its detail and in its errors. */
    private static void assertNamesParameter(String parameter, Http.Reply reply) {
        UserApiIT.assertProblem(reply, 400);
        assertEquals("invalid-report-request", type(reply), reply.body());
        assertTrue(reply.json().getString("detail").startsWith(parameter + " "), reply.body());
        JsonArray errors = reply.json().getJsonArray("errors");
        assertEquals(parameter, errors.getJsonObject(0).getString("field"), reply.body());
    }

    private static Http.Reply charge(String order, long amount) {
        HttpRequest request = http().request("/payments/api/payments", orders)
                .header("Content-Type", "application/json").header("Idempotency-Key", "order:" + order)
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"" + order + "\",\"amount\":{\"amount\":"
                        + amount + ",\"currency\":\"EUR\"},\"token\":\"tok_visa\"}"))
                .build();
        return http().send(request);
    }

    private static String capturedPayment(long amount) {
        Http.Reply charged = charge("order-" + UUID.randomUUID(), amount);
        assertEquals(201, charged.status(), charged.body());
        return charged.json().getString("id");
    }

    private static Http.Reply refund(String key, String body) {
        return http().send(http().request("/payments/api/refunds", staff).header("Content-Type",
                "application/json").header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Writes to the payments database, to set up what a refund in flight leaves behind. */
    private static void payments(String sql, Object... parameters) {
        String url = "jdbc:postgresql://127.0.0.1:" + PlatformExtension.platform().databasePort() + "/payments";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, statement.executeUpdate(), sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // reports

    @Test
    void yearZeroAndDaysOutOfRangeAreRefusedNamingTheParameter() {
        for (String report : List.of("/analytics/api/sales/daily", "/analytics/api/products/top")) {
            // the tester's requests: year 0 came back as year 1, and -0001-12-07 as 0002-12-07
            assertNamesParameter("from", http().get(report + "?from=0000-01-01&to=0000-01-05", staff));
            assertNamesParameter("to", http().get(report + "?to=0000-01-05", staff));
            assertNamesParameter("from", http().get(report + "?from=1969-12-31&to=1970-01-02", staff));
            assertNamesParameter("to", http().get(report + "?from=9999-12-30&to=10000-01-01", staff));
            assertNamesParameter("from", http().get(report + "?from=-0001-12-07&to=1970-01-01", staff));
            assertNamesParameter("from", http().get(report + "?from=2026-02-30", staff));
        }
    }

    @Test
    void aPeriodAnswersExactlyItsDays() {
        for (String[] period : new String[][]{{"2028-02-27", "2028-03-02"}, {"1970-01-01", "1970-01-03"},
                {"9999-12-29", "9999-12-31"}}) {
            Http.Reply reply = http().get("/analytics/api/sales/daily?from=" + period[0] + "&to=" + period[1], staff);
            assertEquals(200, reply.status(), reply.body());
            JsonObject report = reply.json();
            assertEquals(period[0], report.getString("from"));
            assertEquals(period[1], report.getString("to"));
            JsonArray days = report.getJsonArray("days");
            LocalDate day = LocalDate.parse(period[0]);
            for (int i = 0; i < days.size(); i++, day = day.plusDays(1)) {
                assertEquals(day.toString(), days.getJsonObject(i).getString("date"), reply.body());
            }
            assertEquals(LocalDate.parse(period[1]).plusDays(1), day, "every day up to to, and no other");
            Http.Reply top = http().get("/analytics/api/products/top?from=" + period[0] + "&to=" + period[1], staff);
            assertEquals(200, top.status(), top.body());
            assertEquals(period[0], top.json().getString("from"));
            assertEquals(period[1], top.json().getString("to"));
        }
        // without from: the 30 days up to to, but none before 1970-01-01
        JsonObject early = http().get("/analytics/api/sales/daily?to=1970-01-05", staff).json();
        assertEquals("1970-01-01", early.getString("from"));
        assertEquals(5, early.getJsonArray("days").size());
    }

    @Test
    void aReportInAnotherCurrencyThanTheShopsIsRefused() {
        for (String report : List.of("/analytics/api/sales/daily", "/analytics/api/products/top")) {
            Http.Reply dollars = http().get(report + "?currency=USD", staff);
            UserApiIT.assertProblem(dollars, 422);
            assertEquals("currency-not-accepted", type(dollars));
            assertTrue(dollars.json().getString("detail").contains("EUR"), dollars.body());
            assertNamesParameter("currency", http().get(report + "?currency=usd", staff));
            assertNamesParameter("currency", http().get(report + "?currency=XYZ", staff));
            Http.Reply euros = http().get(report + "?currency=EUR", staff);
            assertEquals(200, euros.status(), euros.body());
            assertEquals("EUR", euros.json().getString("currency"));
            assertEquals("EUR", http().get(report, staff).json().getString("currency"));
        }
    }

    // refunds

    @Test
    void aSettledRefundRefusalIsReplayedUnderItsKey() {
        String paymentId = capturedPayment(5000);
        assertEquals(201, refund("first-" + UUID.randomUUID(), "{\"paymentId\":\"" + paymentId
                + "\",\"amount\":4000}").status());
        String key = "refused-" + UUID.randomUUID();
        String body = "{\"paymentId\":\"" + paymentId + "\",\"amount\":2000,\"reason\":\"dent\"}";
        Http.Reply refused = refund(key, body);
        UserApiIT.assertProblem(refused, 409);
        assertEquals("refund-exceeds-payment", type(refused));
        assertNull(refused.header("Idempotent-Replayed"));
        assertEquals("only 10.00 EUR of payment " + paymentId + " can be refunded", refused.json().getString(
                "detail"));
        Http.Reply replay = refund(key, body);
        assertEquals(409, replay.status(), replay.body());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(refused.json().getString("detail"), replay.json().getString("detail"));
        // the tester's case: the same key with another amount
        Http.Reply reused = refund(key, "{\"paymentId\":\"" + paymentId + "\",\"amount\":50,\"reason\":\"dent\"}");
        UserApiIT.assertProblem(reused, 422);
        assertEquals("idempotency-key-reused", type(reused));
        JsonObject payment = http().get("/payments/api/payments/" + paymentId, staff).json();
        assertEquals(4000, payment.getInt("refunded"));
        assertEquals(1, payment.getJsonArray("refunds").size(), "a refusal is not one of the payment's refunds");
    }

    @Test
    void aRefusalOnlyARefundInFlightCausesLeavesTheKeyFree() {
        String paymentId = capturedPayment(5000);
        // what a refund in flight holds (its amount reserved while the provider is asked)
        payments("update payment set refund_reserved = 4500 where id = ?::uuid", paymentId);
        String key = "in-flight-" + UUID.randomUUID();
        String body = "{\"paymentId\":\"" + paymentId + "\",\"amount\":1000,\"reason\":\"dent\"}";
        Http.Reply refused = refund(key, body);
        UserApiIT.assertProblem(refused, 409);
        assertEquals("only 5.00 EUR of payment " + paymentId + " can be refunded (45.00 EUR is being refunded right"
                + " now)", refused.json().getString("detail"));
        // the refund in flight failed and gave its amount back: the same key refunds now (the order service
        // retries its refund under one stable key, so a kept refusal would leave the money owed)
        payments("update payment set refund_reserved = 0 where id = ?::uuid", paymentId);
        Http.Reply retried = refund(key, body);
        assertEquals(201, retried.status(), retried.body());
        assertNull(retried.header("Idempotent-Replayed"));
        assertEquals(1000, http().get("/payments/api/payments/" + paymentId, staff).json().getInt("refunded"));
    }

    @Test
    void aRefundOfAnUnknownPaymentIsReplayedAndAMalformedOneKeepsNothing() {
        String key = "unknown-" + UUID.randomUUID();
        String body = "{\"paymentId\":\"" + UUID.randomUUID() + "\",\"amount\":100}";
        UserApiIT.assertProblem(refund(key, body), 404);
        Http.Reply replay = refund(key, body);
        UserApiIT.assertProblem(replay, 404);
        assertEquals("true", replay.header("Idempotent-Replayed"));

        String paymentId = capturedPayment(900);
        String malformed = "malformed-" + UUID.randomUUID();
        UserApiIT.assertProblem(refund(malformed, "{\"paymentId\":\"" + paymentId + "\",\"amount\":0}"), 400);
        Http.Reply afterFix = refund(malformed, "{\"paymentId\":\"" + paymentId + "\",\"amount\":100}");
        assertEquals(201, afterFix.status(), afterFix.body());
        assertNull(afterFix.header("Idempotent-Replayed"));
    }

    @Test
    void theRefusalWritesMoneyInMajorUnits() {
        String paymentId = capturedPayment(846);
        Http.Reply tooMuch = refund("major-" + UUID.randomUUID(), "{\"paymentId\":\"" + paymentId
                + "\",\"amount\":1000}");
        UserApiIT.assertProblem(tooMuch, 409);
        String detail = tooMuch.json().getString("detail");
        assertEquals("only 8.46 EUR of payment " + paymentId + " can be refunded", detail);
        assertTrue(!detail.contains("846 EUR"), detail);
    }
}
