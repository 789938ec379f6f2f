package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff's searches behind the admin console's orders screen and dashboard, on the real platform: orders by
 * number, email, created window and status, alone and together, sorted each way; every order's payments by status
 * and window, with a declined card (tok_chargeDeclined) listed as DECLINED; bad values 400 naming the parameter.
 * Every order search is narrowed to this run's customers (by their email prefix or order number), so orders other
 * tests place do not matter.
 */
@ExtendWith(PlatformExtension.class)
class StaffSearchIT {

    private static final String PASSWORD = "correct horse battery";
    /** The start of both customers' emails: unique to this run. */
    private static final String PREFIX = "staffsearch-" + UUID.randomUUID().toString().substring(0, 8);
    private static String staff;
    private static String ada;
    private static String adaEmail;
    private static String bobEmail;
    /**
     * Ada's paid order (1 unit), her declined one (3 units), then Bob's paid one (2 units). The paid ones move on to
     * FULFILLING as soon as the warehouse takes them (an event): the tests wait for that, then they stay.
     */
    private static JsonObject adaPaid;
    private static JsonObject adaDeclined;
    private static JsonObject bobPaid;

    private static Http http() {
        return PlatformExtension.http();
    }

    @BeforeAll
    static void twoCustomersPlaceOrders() {
        String admin = PlatformExtension.staffToken();
        String staffEmail = PREFIX + "-staff@mercato.test";
        Http.Reply created = http().post("/users/api/accounts/staff",
                "{\"email\":\"" + staffEmail + "\",\"password\":\""
                        + PASSWORD + "\",\"name\":\"Stan\",\"roles\":[\"staff\"]}",
                admin);
        assertEquals(201, created.status(), created.body());
        staff = UserApiIT.login(staffEmail, PASSWORD).getString("access_token");
        adaEmail = PREFIX + "-ada@mercato.test";
        bobEmail = PREFIX + "-bob@mercato.test";
        UserApiIT.register(adaEmail, PASSWORD);
        UserApiIT.register(bobEmail, PASSWORD);
        ada = UserApiIT.login(adaEmail, PASSWORD).getString("access_token");
        String bob = UserApiIT.login(bobEmail, PASSWORD).getString("access_token");
        String sku = Products.stockedSku("Search Lamp", 1000, 20, admin);

        Http.Reply paid = OrderFlowIT.place(ada, UUID.randomUUID().toString(), OrderFlowIT.cartWith(ada, Map.of(sku,
                1)), "tok_visa");
        assertEquals(201, paid.status(), paid.body());
        Http.Reply declined = OrderFlowIT.place(ada, UUID.randomUUID().toString(), OrderFlowIT.cartWith(ada, Map.of(
                sku, 3)), "tok_chargeDeclined");
        UserApiIT.assertProblem(declined, 402);
        Http.Reply bobs = OrderFlowIT.place(bob, UUID.randomUUID().toString(), OrderFlowIT.cartWith(bob, Map.of(sku,
                2)), "tok_visa");
        assertEquals(201, bobs.status(), bobs.body());
        List<JsonObject> adas = orders(ada, "");
        assertEquals(2, adas.size(), adas.toString());
        adaDeclined = adas.get(0);
        adaPaid = adas.get(1);
        assertEquals("FAILED", adaDeclined.getString("status"));
        String bobsId = bobs.json().getString("id");
        String adasId = paid.json().getString("id");
        Eventually.within(java.time.Duration.ofSeconds(60), "both paid orders taken by the warehouse", () -> orders(
                staff, "&status=FULFILLING&email=" + encoded(PREFIX)).size() == 2);
        bobPaid = orders(staff, "&q=" + bobsId).get(0);
        adaPaid = orders(staff, "&q=" + adasId).get(0);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The caller's orders list (query parameters after {@code all=true} or its own), expecting 200. */
    private static List<JsonObject> orders(String token, String query) {
        Http.Reply reply = http().get("/orders/api/orders?size=100" + (token.equals(staff) ? "&all=true" : "")
                + query, token);
        assertEquals(200, reply.status(), reply.body());
        JsonObject page = reply.json();
        assertEquals(Set.of("items", "total", "page", "size"), page.keySet());
        List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(items.size(), page.getInt("total"), reply.body());
        return items;
    }

    private static List<String> ids(List<JsonObject> orders) {
        return orders.stream().map(o -> o.getString("id")).toList();
    }

    private static String id(JsonObject order) {
        return order.getString("id");
    }

    /** This run's orders (by the customers' email prefix, in another case) and more parameters. */
    private static List<String> ours(String query) {
        return ids(orders(staff, "&email=" + encoded(PREFIX.toUpperCase(Locale.ROOT)) + query));
    }

    @Test
    void staffListThisRunsOrdersByEmailPrefixNewestFirstWithWhatTheListShows() {
        List<JsonObject> found = orders(staff, "&email=" + encoded(PREFIX.toUpperCase(Locale.ROOT)));
        assertEquals(List.of(id(bobPaid), id(adaDeclined), id(adaPaid)), ids(found));
        JsonObject bobs = found.get(0);
        assertEquals(bobEmail, bobs.getString("customerEmail"));
        assertEquals("FULFILLING", bobs.getString("status"));
        assertEquals(2000, bobs.getJsonObject("totals").getJsonObject("subtotal").getInt("amount"));
        assertEquals(0, bobs.getJsonObject("totals").getJsonObject("refunded").getInt("amount"));
        assertTrue(bobs.getJsonObject("total").getInt("amount") > 0);
        Instant.parse(bobs.getString("createdAt"));
        assertEquals(List.of(id(adaDeclined), id(adaPaid)), ids(orders(staff, "&email=" + encoded(adaEmail
                .toUpperCase(Locale.ROOT)))), "a whole address");
        assertEquals(List.of(), ids(orders(staff, "&email=" + encoded("mercato.test"))).stream().filter(
                List.of(id(adaPaid), id(adaDeclined), id(bobPaid))::contains).toList(), "a prefix, not a part");
    }

    @Test
    void anOrderNumberWholeOrItsFirstCharactersInAnyCase() {
        assertEquals(List.of(id(bobPaid)), ids(orders(staff, "&q=" + id(bobPaid))));
        assertEquals(List.of(id(bobPaid)), ids(orders(staff, "&q=" + id(bobPaid).toUpperCase(Locale.ROOT))));
        List<String> byPrefix = ids(orders(staff, "&q=" + id(adaPaid).substring(0, 6).toUpperCase(Locale.ROOT)));
        assertTrue(byPrefix.contains(id(adaPaid)), byPrefix.toString());
        byPrefix.forEach(found -> assertTrue(found.startsWith(id(adaPaid).substring(0, 6)), found));
        assertEquals(List.of(id(adaPaid)), ours("&q=" + id(adaPaid).substring(0, 4)), "with the email");
        assertEquals(List.of(), ours("&q=" + id(adaPaid) + "&status=FAILED"), "with a status it is not in");
    }

    @Test
    void statusAndTheCreatedWindowAloneAndTogether() {
        assertEquals(List.of(id(adaDeclined)), ours("&status=FAILED"));
        assertEquals(List.of(id(bobPaid), id(adaPaid)), ours("&status=FULFILLING"));
        assertEquals(List.of(), ours("&status=PAID"));
        String first = adaPaid.getString("createdAt");
        String last = bobPaid.getString("createdAt");
        String firstDay = Instant.parse(first).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String lastDay = Instant.parse(last).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        assertEquals(List.of(id(bobPaid), id(adaDeclined), id(adaPaid)), ours("&from=" + firstDay + "&to="
                + lastDay), "whole UTC days, both inclusive");
        assertEquals(List.of(id(adaDeclined)), ours("&from=" + encoded(adaDeclined.getString("createdAt"))
                + "&to=" + encoded(adaDeclined.getString("createdAt"))), "instants, both inclusive");
        assertEquals(List.of(id(bobPaid), id(adaDeclined)), ours("&from=" + encoded(adaDeclined.getString(
                "createdAt"))));
        assertEquals(List.of(id(adaPaid)), ours("&to=" + encoded(first)));
        assertEquals(List.of(id(bobPaid)), ours("&status=FULFILLING&from=" + encoded(adaDeclined.getString("createdAt"))
                + "&q=" + id(bobPaid).substring(0, 8)));
        assertEquals(List.of(), ours("&to=" + Instant.parse(first).atOffset(ZoneOffset.UTC).toLocalDate()
                .minusDays(1)));
    }

    @Test
    void sortedByCreatedTotalOrStatusEitherWay() {
        assertEquals(List.of(id(adaPaid), id(adaDeclined), id(bobPaid)), ours("&sort=created"));
        assertEquals(List.of(id(bobPaid), id(adaDeclined), id(adaPaid)), ours("&sort=-created"));
        assertEquals(List.of(id(adaPaid), id(bobPaid), id(adaDeclined)), ours("&sort=total"));
        assertEquals(List.of(id(adaDeclined), id(bobPaid), id(adaPaid)), ours("&sort=-total"));
        assertEquals(List.of(id(adaDeclined), id(bobPaid), id(adaPaid)), ours("&sort=status"),
                "FAILED, then FULFILLING newest first");
        assertEquals(List.of(id(bobPaid), id(adaPaid), id(adaDeclined)), ours("&sort=-status"));
    }

    @Test
    void aCustomersFiltersNarrowOnlyTheirOwnOrdersAndAllIsForbidden() {
        assertEquals(List.of(), ids(orders(ada, "&email=" + encoded(bobEmail))));
        assertEquals(List.of(), ids(orders(ada, "&q=" + id(bobPaid))));
        assertEquals(List.of(id(adaPaid)), ids(orders(ada, "&q=" + id(adaPaid) + "&sort=total")));
        assertEquals(List.of(id(adaDeclined), id(adaPaid)), ids(orders(ada, "&sort=-total&from=" + Instant.parse(
                adaPaid.getString("createdAt")).atOffset(ZoneOffset.UTC).toLocalDate())));
        UserApiIT.assertProblem(http().get("/orders/api/orders?all=true&email=" + encoded(PREFIX), ada), 403);
    }

    @Test
    void badOrderSearchValuesAre400NamingTheParameter() {
        Map<String, String> bad = Map.ofEntries(Map.entry("q=abc", "q"), Map.entry("q=zzzz", "q"), Map.entry(
                "q=" + encoded("3f2a%"), "q"), Map.entry("email=", "email"), Map.entry("from=yesterday", "from"),
                Map.entry("to=2026-02-30", "to"), Map.entry("from=2026-12-02&to=2026-12-01", "from"), Map.entry(
                        "from=2026-12-01T10:00:00", "from"),
                Map.entry("sort=price", "sort"), Map.entry("sort=-",
                        "sort"),
                Map.entry("status=LOST", "status"));
        bad.forEach((query, parameter) -> {
            Http.Reply reply = http().get("/orders/api/orders?all=true&" + query, staff);
            UserApiIT.assertProblem(reply, 400);
            assertEquals(parameter, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), query);
        });
    }

    /** The staff's list of every order's payments, expecting 200 and the paged shape. */
    private static List<JsonObject> payments(String query) {
        Http.Reply reply = http().get("/payments/api/payments?size=100&" + query, staff);
        assertEquals(200, reply.status(), reply.body());
        JsonObject page = reply.json();
        assertEquals(Set.of("items", "total", "page", "size"), page.keySet());
        assertEquals(100, page.getInt("size"));
        assertEquals(0, page.getInt("page"));
        return page.getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static List<String> orderIds(List<JsonObject> payments) {
        return payments.stream().map(p -> p.getString("orderId")).toList();
    }

    @Test
    void theDeclinedCardIsListedAsDeclinedWithItsReason() {
        String since = "from=" + encoded(adaPaid.getString("createdAt"));
        List<JsonObject> declined = payments("status=DECLINED&" + since);
        JsonObject ours = declined.stream().filter(p -> p.getString("orderId").equals(id(adaDeclined))).findFirst()
                .orElseThrow(() -> new AssertionError("the declined card is not listed: " + declined));
        assertEquals("DECLINED", ours.getString("status"));
        assertEquals("card_declined", ours.getString("declineReason"));
        assertEquals(adaDeclined.getJsonObject("total").getInt("amount"), ours.getJsonObject("amount").getInt(
                "amount"));
        Instant.parse(ours.getString("createdAt"));
        declined.forEach(p -> assertEquals("DECLINED", p.getString("status")));
        assertTrue(orderIds(payments("status=DECLINED,FAILED,VOIDED,AUTHENTICATION_REQUIRED&" + since)).contains(id(
                adaDeclined)), "the failed-payments panel's statuses");
        List<String> captured = orderIds(payments("status=CAPTURED&" + since));
        assertTrue(captured.containsAll(List.of(id(adaPaid), id(bobPaid))), captured.toString());
        assertTrue(!captured.contains(id(adaDeclined)));
        List<String> all = orderIds(payments(since + "&sort=created"));
        assertTrue(all.indexOf(id(adaPaid)) < all.indexOf(id(adaDeclined)) && all.indexOf(id(adaDeclined)) < all
                .indexOf(id(bobPaid)), all.toString());
        assertEquals(List.of(), orderIds(payments("status=DECLINED&to=" + Instant.parse(adaPaid.getString(
                "createdAt")).atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1))).stream().filter(id(
                        adaDeclined)::equals)
                .toList());
    }

    @Test
    void paymentsSortByAmountAndPageWithTheirTotal() {
        String since = "from=" + encoded(adaPaid.getString("createdAt"));
        List<Long> amounts = payments(since + "&sort=-amount").stream().map(p -> p.getJsonObject("amount")
                .getJsonNumber("amount").longValue()).toList();
        for (int i = 1; i < amounts.size(); i++) {
            assertTrue(amounts.get(i - 1) >= amounts.get(i), amounts.toString());
        }
        Http.Reply first = http().get("/payments/api/payments?size=1&page=0&" + since, staff);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.json().getInt("total") >= 3, first.body());
        assertEquals(1, first.json().getJsonArray("items").size());
    }

    @Test
    void paymentsByOrderAreUnchangedAndTheFullListIsForStaffOnly() {
        Http.Reply service = http().post("/users/api/service-tokens", "{\"client\":\"orders\",\"secret\":\""
                + PlatformExtension.ORDERS_SERVICE_SECRET + "\"}", null);
        String orders = service.json().getString("access_token");
        Http.Reply byOrder = http().get("/payments/api/payments?orderId=" + id(adaDeclined), orders);
        assertEquals(200, byOrder.status(), byOrder.body());
        assertEquals(Set.of("items"), byOrder.json().keySet());
        assertEquals("DECLINED", byOrder.json().getJsonArray("items").getJsonObject(0).getString("status"));
        UserApiIT.assertProblem(http().get("/payments/api/payments?status=DECLINED", orders), 403);
        UserApiIT.assertProblem(http().get("/payments/api/payments", ada), 403);
    }

    @Test
    void badPaymentListValuesAre400NamingTheParameter() {
        Map<String, String> bad = Map.of("status=declined", "status", "status=DECLINED,", "status", "from=soon",
                "from", "to=2026-12-32", "to", "from=2026-12-02&to=2026-12-01", "from", "sort=total", "sort",
                "size=0", "size", "orderId=" + UUID.randomUUID() + "&status=DECLINED", "status", "orderId=",
                "orderId");
        bad.forEach((query, parameter) -> {
            Http.Reply reply = http().get("/payments/api/payments?" + query, staff);
            UserApiIT.assertProblem(reply, 400);
            assertEquals(parameter, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), query);
        });
    }
}
