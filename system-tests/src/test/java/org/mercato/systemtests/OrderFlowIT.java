package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Placing orders end to end on the real platform (PostgreSQL, Artemis, the SMTP catcher): cart to SHIPPED with the
 * emails received and the analytics updated; a declined card; payments down; a replayed key; staff cancelling; the
 * broker stopped while orders are placed; a poison message.
 */
@ExtendWith(PlatformExtension.class)
class OrderFlowIT {

    static final String ADDRESS = "{\"name\":\"Ada Lovelace\",\"line1\":\"1 Analytical Row\",\"city\":\"Berlin\","
            + "\"postalCode\":\"10115\",\"country\":\"DE\"}";
    private static String staff;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
    }

    @AfterEach
    void mendTheLink() {
        PlatformExtension.paymentsLink().set(FaultyLink.Mode.FORWARD);
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    /** A new product with its default SKU and that many units in stock. */
    static String stockedSku(String name, long price, int units) {
        String sku = Products.newSku(name, price, staff);
        assertEquals(200, http().put("/inventory/api/stock/" + sku, "{\"onHand\":" + units + "}", staff).status());
        return sku;
    }

    static String cartWith(String token, Map<String, Integer> items) {
        Http.Reply created = http().post("/cart/api/carts", "", token);
        assertEquals(201, created.status(), created.body());
        String cart = created.json().getString("id");
        items.forEach((sku, quantity) -> {
            Http.Reply added = http().post("/cart/api/carts/" + cart + "/items", "{\"sku\":\"" + sku
                    + "\",\"quantity\":" + quantity + "}", token);
            assertEquals(200, added.status(), added.body());
        });
        return cart;
    }

    static Http.Reply place(String token, String key, String cart, String cardToken) {
        return place(token, key, "{\"cartId\":\"" + cart + "\",\"shippingAddress\":" + ADDRESS
                + ",\"payment\":{\"method\":\"card\",\"token\":\"" + cardToken + "\"}}");
    }

    static Http.Reply place(String token, String key, String body) {
        HttpRequest.Builder request = http().request("/orders/api/orders", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http().send(request.build());
    }

    private static JsonObject order(String id, String token) {
        Http.Reply reply = http().get("/orders/api/orders/" + id, token);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String status(String id) {
        return order(id, staff).getString("status");
    }

    private static JsonObject stock(String sku) {
        Http.Reply reply = http().get("/inventory/api/stock/" + sku, staff);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static int available(String sku) {
        return stock(sku).getInt("available");
    }

    private static List<MimeMessage> mailsFor(String orderId) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : PlatformExtension.platform().receivedMail()) {
            try {
                String[] header = message.getHeader("X-Mercato-Order");
                if (header != null && Arrays.asList(header).contains(orderId)) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The decoded text of every part, with the content types, as a reader's mail program would show it. */
    private static String content(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder(message.getContentType()).append('\n');
            collect(message.getContent(), text);
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Object content, StringBuilder text) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(multipart.getBodyPart(i).getContentType()).append('\n');
                collect(multipart.getBodyPart(i).getContent(), text);
            }
        } else {
            text.append(content).append('\n');
        }
    }

    private static JsonObject shipmentOf(String orderId) {
        Http.Reply reply = http().get("/fulfillment/api/shipments?orderId=" + orderId, staff);
        assertEquals(200, reply.status(), reply.body());
        var items = reply.json().getJsonArray("items");
        return items.isEmpty() ? null : items.getJsonObject(0);
    }

    private static int shipmentCount(String orderId) {
        Http.Reply reply = http().get("/fulfillment/api/shipments?orderId=" + orderId, staff);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getInt("total");
    }

    private static JsonObject todaysSales() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Http.Reply reply = http().get("/analytics/api/sales/daily?from=" + today + "&to=" + today, staff);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("totals");
    }

    @Test
    void aCartBecomesAShippedOrderWithEmailsAndSalesFigures() {
        String teapot = stockedSku("Flow Teapot", 2450, 10);
        String cup = stockedSku("Flow Cup", 600, 10);
        JsonObject customer = UserApiIT.newSignedInCustomer();
        String token = customer.getString("access_token");
        JsonObject salesBefore = todaysSales();

        String cart = cartWith(token, Map.of(teapot, 2, cup, 1));
        // what the order service reads: the saved lines, without live lookups
        Http.Reply contents = http().get("/cart/api/carts/" + cart + "/items", token);
        assertEquals(200, contents.status(), contents.body());
        assertEquals(2, contents.json().getJsonArray("lines").size());
        Http.Reply placed = place(token, UUID.randomUUID().toString(), cart, "tok_visa");
        assertEquals(201, placed.status(), placed.body());
        JsonObject order = placed.json();
        String id = order.getString("id");
        assertEquals("PAID", order.getString("status"));
        // 2 x 24.50 + 6.00 = 55.00, free shipping from 50.00; prices include tax (the default): 19 % in DE is
        // 55.00 * 19 / 119 = 8.78 of the total
        assertEquals(5500, order.getJsonObject("totals").getJsonObject("subtotal").getInt("amount"));
        assertEquals(0, order.getJsonObject("totals").getJsonObject("shipping").getInt("amount"));
        assertEquals(878, order.getJsonObject("totals").getJsonObject("tax").getInt("amount"));
        assertTrue(order.getJsonObject("totals").getBoolean("taxIncluded"));
        assertEquals(5500, order.getJsonObject("total").getInt("amount"));
        assertEquals("EUR", order.getJsonObject("total").getString("currency"));
        assertTrue(placed.header("Location").endsWith("/orders/api/orders/" + id));

        // the customer sees it in their list; another customer does not see it at all
        Http.Reply mine = http().get("/orders/api/orders", token);
        assertEquals(200, mine.status(), mine.body());
        assertEquals(id, mine.json().getJsonArray("items").getJsonObject(0).getString("id"));
        String stranger = UserApiIT.newSignedInCustomer().getString("access_token");
        UserApiIT.assertProblem(http().get("/orders/api/orders/" + id, stranger), 404);
        assertEquals(0, http().get("/orders/api/orders", stranger).json().getInt("total"));

        // OrderPlaced: inventory commits (units leave the stock), the cart empties, the warehouse takes it
        Eventually.within(Duration.ofSeconds(30), "the reservation committed", () -> "COMMITTED".equals(http()
                .get("/inventory/api/reservations/" + id, staff).json().getString("status")));
        assertEquals(8, available(teapot));
        // a guest cart is deleted once ordered from (a customer's own cart is emptied)
        Eventually.within(Duration.ofSeconds(30), "the cart emptied", () -> http().get("/cart/api/carts/" + cart,
                token).status() == 404);
        Eventually.within(Duration.ofSeconds(30), "a shipment created and the order FULFILLING",
                () -> shipmentOf(id) != null && "FULFILLING".equals(status(id)));
        Eventually.within(Duration.ofSeconds(30), "the confirmation email received", () -> mailsFor(id).size() == 1);
        String confirmation = content(mailsFor(id).get(0));
        assertTrue(confirmation.contains("Flow Teapot") && confirmation.contains("Flow Cup"),
                "the email lists the lines: " + confirmation);
        assertTrue(confirmation.contains("multipart/alternative") && confirmation.contains("text/html"),
                "text and HTML");

        // the warehouse picks, packs and dispatches: SHIPPED with a tracking number and a shipping email
        String shipment = shipmentOf(id).getString("id");
        for (String step : List.of("pick", "pack", "dispatch")) {
            Http.Reply reply = http().post("/fulfillment/api/shipments/" + shipment + "/" + step, "{}", staff);
            assertEquals(200, reply.status(), step + ": " + reply.body());
        }
        Eventually.within(Duration.ofSeconds(30), "the order SHIPPED", () -> "SHIPPED".equals(status(id)));
        String tracking = order(id, token).getString("trackingNumber");
        assertEquals(shipmentOf(id).getString("trackingNumber"), tracking);
        Eventually.within(Duration.ofSeconds(30), "the shipping email received", () -> mailsFor(id).size() == 2);
        assertTrue(mailsFor(id).stream().anyMatch(m -> content(m).contains(tracking)), "tracking number mailed");
        Http.Reply log = http().get("/notifications/api/emails?orderId=" + id, staff);
        assertEquals(200, log.status(), log.body());
        assertEquals(2, log.json().getInt("total"), "both emails in the sent-mail log");

        // the sales figures count it
        Eventually.within(Duration.ofSeconds(30), "today's sales include the order", () -> {
            JsonObject after = todaysSales();
            return after.getInt("orders") == salesBefore.getInt("orders") + 1 && after.getJsonObject("revenue")
                    .getInt("amount") == salesBefore.getJsonObject("revenue").getInt("amount") + 5500;
        });
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Http.Reply top = http().get("/analytics/api/products/top?from=" + today + "&to=" + today + "&limit=100",
                staff);
        assertEquals(200, top.status(), top.body());
        assertTrue(top.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).anyMatch(item -> item
                .getString("sku").equals(teapot) && item.getInt("quantity") == 2), top.body());
        UserApiIT.assertProblem(http().get("/analytics/api/sales/daily", token), 403);

        // staff mark it delivered; a customer cannot
        UserApiIT.assertProblem(http().post("/orders/api/orders/" + id + "/delivered", "", token), 403);
        Http.Reply delivered = http().post("/orders/api/orders/" + id + "/delivered", "", staff);
        assertEquals(200, delivered.status(), delivered.body());
        assertEquals("DELIVERED", delivered.json().getString("status"));
        assertEquals(List.of("PENDING", "PAID", "FULFILLING", "SHIPPED", "DELIVERED"), delivered.json()
                .getJsonArray("history").stream().map(step -> step.asJsonObject().getString("to")).toList());
    }

    @Test
    void theGatewaysRequestIdFollowsAnOrderThroughTheServicesItCallsAndTheEventsItSetsOff() throws Exception {
        String sku = stockedSku("Traced Kettle", 2500, 3);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        String cart = cartWith(token, Map.of(sku, 1));
        String requestId = "trace-" + UUID.randomUUID();
        try (BrokerClient broker = new BrokerClient();
                MessageConsumer orders = broker.subscribe("mercato.orders");
                MessageConsumer shipments = broker.subscribe("mercato.fulfillment")) {
            Http.Reply placed = http().send(http().request("/orders/api/orders", token)
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"cartId\":\"" + cart + "\",\"shippingAddress\":"
                            + ADDRESS + ",\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"}}"))
                    .build());
            assertEquals(201, placed.status(), placed.body());
            String id = placed.json().getString("id");
            // the order's own event, saved in the request's transaction
            Message orderPlaced = BrokerClient.next(orders, Duration.ofSeconds(20), m -> "OrderPlaced".equals(
                    BrokerClient.property(m, "eventType")) && id.equals(BrokerClient.json(m).getString("orderId")));
            assertEquals(requestId, orderPlaced.getJMSCorrelationID());
            // an event another service saved while applying it: carried across the broker and on
            Message shipmentCreated = BrokerClient.next(shipments, Duration.ofSeconds(30), m -> "ShipmentCreated"
                    .equals(BrokerClient.property(m, "eventType"))
                    && id.equals(BrokerClient.json(m).getString(
                            "orderId")));
            assertEquals(requestId, shipmentCreated.getJMSCorrelationID());
        }
        // the calls orders made to inventory and payments name the same request in their log lines
        String log = java.nio.file.Files.readString(PlatformExtension.payaraLog());
        List<String> lines = log.lines().filter(line -> line.contains("request " + requestId)).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("/inventory/")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.contains("/payments/")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.contains("POST /orders/api/orders ")), String.join("\n",
                lines));
    }

    @Test
    void aDeclinedCardFailsTheOrderReleasesTheStockAndSendsNoEmail() throws Exception {
        String sku = stockedSku("Declined Lamp", 3000, 5);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        String cart = cartWith(token, Map.of(sku, 2));
        Http.Reply declined = place(token, UUID.randomUUID().toString(), cart, "tok_chargeDeclined");
        UserApiIT.assertProblem(declined, 402);
        assertTrue(declined.json().getString("detail").contains("card_declined"), declined.body());
        JsonObject failed = http().get("/orders/api/orders", token).json().getJsonArray("items").getJsonObject(0);
        assertEquals("FAILED", failed.getString("status"));
        assertEquals("PAYMENT_DECLINED", failed.getJsonObject("failure").getString("kind"));
        assertEquals(5, available(sku), "the held units are back on sale");
        assertEquals("RELEASED", http().get("/inventory/api/reservations/" + failed.getString("id"), staff).json()
                .getString("status"));
        // a positive marker instead of a pause: an order placed after the failed one gets its email; whatever the
        // failed one set off was announced before it (the outbox relays in order)
        String marker = place(token, UUID.randomUUID().toString(), cartWith(token, Map.of(sku, 1)), "tok_visa")
                .json().getString("id");
        Eventually.within(Duration.ofSeconds(30), "the later order's confirmation email",
                () -> !mailsFor(marker).isEmpty());
        assertEquals(0, mailsFor(failed.getString("id")).size(), "no email for a failed order");
        assertEquals(0, shipmentCount(failed.getString("id")), "nothing to ship");
    }

    @Test
    void paymentsDownIsAClear503WithinTwoSecondsAndTheStockIsReleased() {
        String sku = stockedSku("Outage Vase", 1500, 5);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        for (FaultyLink.Mode outage : List.of(FaultyLink.Mode.REFUSE, FaultyLink.Mode.BLACKHOLE)) {
            String cart = cartWith(token, Map.of(sku, 1));
            PlatformExtension.paymentsLink().set(outage);
            long started = System.nanoTime();
            Http.Reply reply = place(token, UUID.randomUUID().toString(), cart, "tok_visa");
            long millis = (System.nanoTime() - started) / 1_000_000;
            PlatformExtension.paymentsLink().set(FaultyLink.Mode.FORWARD);
            UserApiIT.assertProblem(reply, 503);
            assertEquals("payment-unavailable", reply.json().getString("type").replaceAll(".*/", ""),
                    reply.body());
            assertTrue(millis <= 2000, outage + ": answered in " + millis + " ms");
            assertEquals(5, available(sku), outage + ": the stock is released");
        }
        // and once payments answers again, orders go through
        String cart = cartWith(token, Map.of(sku, 1));
        Http.Reply placed = place(token, UUID.randomUUID().toString(), cart, "tok_visa");
        assertEquals(201, placed.status(), placed.body());
    }

    @Test
    void aChargeAnsweredTooLateIsRefundedAndTheOrderStaysFailed() {
        String sku = stockedSku("Late Lantern", 2200, 3);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        String cart = cartWith(token, Map.of(sku, 1));
        PlatformExtension.paymentsLink().set(FaultyLink.Mode.SLOW_ANSWER);
        long started = System.nanoTime();
        Http.Reply reply = place(token, UUID.randomUUID().toString(), cart, "tok_visa");
        long millis = (System.nanoTime() - started) / 1_000_000;
        PlatformExtension.paymentsLink().set(FaultyLink.Mode.FORWARD);
        UserApiIT.assertProblem(reply, 503);
        assertTrue(millis <= 2000, "answered in " + millis + " ms");
        String id = http().get("/orders/api/orders", token).json().getJsonArray("items").getJsonObject(0)
                .getString("id");
        // payments did charge, after the order service had given up: the payment check finds it and refunds it
        Eventually.within(Duration.ofSeconds(40), "the late charge refunded", () -> {
            var payments = http().get("/payments/api/payments?orderId=" + id, staff).json().getJsonArray("items");
            return payments.size() == 1 && "REFUNDED".equals(payments.getJsonObject(0).getString("status"));
        });
        assertEquals("FAILED", status(id));
        assertEquals(3, available(sku), "no unit kept for the failed order");
    }

    @Test
    void aReplayedKeyGivesTheSameOrderAndOneChargeAndADifferentBodyIs422() {
        String sku = stockedSku("Replay Clock", 4200, 5);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        String cart = cartWith(token, Map.of(sku, 1));
        String key = UUID.randomUUID().toString();
        Http.Reply first = place(token, key, cart, "tok_visa");
        Http.Reply again = place(token, key, cart, "tok_visa");
        assertEquals(201, first.status(), first.body());
        assertEquals(201, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        String id = first.json().getString("id");
        assertEquals(id, again.json().getString("id"));
        assertEquals(1, http().get("/orders/api/orders", token).json().getInt("total"), "one order");
        Http.Reply payments = http().get("/payments/api/payments?orderId=" + id, staff);
        assertEquals(1, payments.json().getJsonArray("items").size(), "one charge: " + payments.body());
        assertEquals(4, available(sku));

        UserApiIT.assertProblem(place(token, key, cart, "tok_mastercard"), 422);
        UserApiIT.assertProblem(place(token, null, cart, "tok_visa"), 400);
        UserApiIT.assertProblem(place(token, UUID.randomUUID().toString(), cart, "4242 4242 4242 4242"), 400);
        UserApiIT.assertProblem(place(token, UUID.randomUUID().toString(), "{\"cartId\":\"" + cart
                + "\",\"shippingAddress\":" + ADDRESS.replace("\"DE\"", "\"XX\"")
                + ",\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"}}"), 422);
        UserApiIT.assertProblem(place(token, UUID.randomUUID().toString(), "{\"cartId\":"), 400);
        UserApiIT.assertProblem(place(null, UUID.randomUUID().toString(), cart, "tok_visa"), 401);
        String strangerToken = UserApiIT.newSignedInCustomer().getString("access_token");
        String strangersCart = http().get("/cart/api/carts/mine", strangerToken).json().getString("id");
        assertEquals(200, http().post("/cart/api/carts/" + strangersCart + "/items", "{\"sku\":\"" + sku
                + "\",\"quantity\":1}", strangerToken).status());
        UserApiIT.assertProblem(place(token, UUID.randomUUID().toString(), strangersCart, "tok_visa"), 404);
        assertEquals(1, http().get("/orders/api/orders", token).json().getInt("total"), "refusals made no order");
        assertEquals(4, available(sku), "refusals held no stock");
    }

    @Test
    void staffCancelAPaidOrderItsMoneyAndStockGoBack() throws Exception {
        String sku = stockedSku("Cancel Chair", 8000, 3);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        Http.Reply placed = place(token, UUID.randomUUID().toString(), cartWith(token, Map.of(sku, 2)), "tok_visa");
        assertEquals(201, placed.status(), placed.body());
        String id = placed.json().getString("id");
        Eventually.within(Duration.ofSeconds(30), "the shipment created", () -> shipmentOf(id) != null);
        Eventually.within(Duration.ofSeconds(30), "the stock committed", () -> available(sku) == 1);

        UserApiIT.assertProblem(http().post("/orders/api/orders/" + id + "/cancel", "{}", token), 403);
        try (BrokerClient broker = new BrokerClient();
                MessageConsumer refunds = broker.subscribe(
                        "mercato.orders")) {
            Http.Reply cancelled = http().post("/orders/api/orders/" + id + "/cancel",
                    "{\"reason\":\"customer called\"}", staff);
            assertEquals(200, cancelled.status(), cancelled.body());
            assertEquals("REFUNDED", cancelled.json().getString("status"));
            Message refunded = BrokerClient.next(refunds, Duration.ofSeconds(20), m -> "PaymentRefunded".equals(
                    BrokerClient.property(m, "eventType")) && id.equals(BrokerClient.json(m).getString("orderId")));
            // 2 x 80.00, free shipping, prices including tax: the whole 160.00 charged comes back
            assertEquals(16_000, BrokerClient.json(refunded).getJsonObject("amount").getInt("amount"));
            // the order shows that refund, under payments' refund id, once
            List<JsonObject> refundSteps = refundSteps(cancelled.json());
            assertEquals(1, refundSteps.size(), cancelled.body());
            assertEquals(BrokerClient.json(refunded).getString("refundId"), refundSteps.get(0).getJsonObject("refund")
                    .getString("id"));
            assertEquals("CANCELLED", refundSteps.get(0).getString("from"));
            assertEquals(16_000, cancelled.json().getJsonObject("totals").getJsonObject("refunded").getInt("amount"));
            assertEquals(0, cancelled.json().getJsonObject("totals").getJsonObject("netPaid").getInt("amount"));
        }
        Eventually.within(Duration.ofSeconds(30), "the units back in stock", () -> available(sku) == 3);
        Eventually.within(Duration.ofSeconds(30), "the shipment cancelled", () -> "CANCELLED".equals(shipmentOf(id)
                .getString("status")));
        UserApiIT.assertProblem(http().post("/orders/api/orders/" + id + "/delivered", "", staff), 409);
        // by now payments' PaymentRefunded of the cancel's refund has had its time: still one refund step
        JsonObject after = order(id, staff);
        assertEquals(1, refundSteps(after).size(), after.toString());
        assertEquals(16_000, after.getJsonObject("totals").getJsonObject("refunded").getInt("amount"));
    }

    /** The steps of an order's history that record a refund. */
    private static List<JsonObject> refundSteps(JsonObject order) {
        return order.getJsonArray("history").stream().map(JsonValue::asJsonObject).filter(step -> step.containsKey(
                "refund")).toList();
    }

    private static Http.Reply refund(String paymentId, Long amount, String reason) {
        String body = "{\"paymentId\":\"" + paymentId + "\"" + (amount == null ? "" : ",\"amount\":" + amount)
                + ",\"reason\":\"" + reason + "\"}";
        return http().send(http().request("/payments/api/refunds", staff).header("Content-Type", "application/json")
                .header("Idempotency-Key", "refund-" + paymentId + "-" + reason).POST(HttpRequest.BodyPublishers
                        .ofString(body))
                .build());
    }

    @Test
    void refundsThroughThePaymentsApiShowInTheOrderPartThenAll() {
        String sku = stockedSku("Refund Lamp", 8000, 3);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        Http.Reply placed = place(token, UUID.randomUUID().toString(), cartWith(token, Map.of(sku, 2)), "tok_visa");
        assertEquals(201, placed.status(), placed.body());
        String id = placed.json().getString("id");
        String paymentId = placed.json().getString("paymentId");
        assertEquals(0, placed.json().getJsonObject("totals").getJsonObject("refunded").getInt("amount"));
        assertEquals(16_000, placed.json().getJsonObject("totals").getJsonObject("netPaid").getInt("amount"));
        Eventually.within(Duration.ofSeconds(30), "the shipment created", () -> shipmentOf(id) != null);
        String shipment = shipmentOf(id).getString("id");
        for (String step : List.of("pick", "pack", "dispatch")) {
            Http.Reply reply = http().post("/fulfillment/api/shipments/" + shipment + "/" + step, "{}", staff);
            assertEquals(200, reply.status(), step + ": " + reply.body());
        }
        Eventually.within(Duration.ofSeconds(30), "the order SHIPPED", () -> "SHIPPED".equals(status(id)));

        // a part back (a scratch): the order keeps its status and shows the refund in its history and totals
        Http.Reply part = refund(paymentId, 5000L, "scratched");
        assertEquals(201, part.status(), part.body());
        Eventually.within(Duration.ofSeconds(30), "the partial refund in the order", () -> refundSteps(order(id,
                token)).size() == 1);
        JsonObject partly = order(id, token);
        assertEquals("SHIPPED", partly.getString("status"), "a partial refund keeps the status");
        JsonObject step = refundSteps(partly).get(0);
        assertEquals("SHIPPED", step.getString("from"));
        assertEquals("SHIPPED", step.getString("to"));
        assertEquals("payments", step.getString("actor"));
        assertEquals("scratched", step.getString("note"));
        assertEquals(part.json().getString("id"), step.getJsonObject("refund").getString("id"));
        assertEquals(5000, step.getJsonObject("refund").getJsonObject("amount").getInt("amount"));
        assertEquals("EUR", step.getJsonObject("refund").getJsonObject("amount").getString("currency"));
        assertEquals(5000, partly.getJsonObject("totals").getJsonObject("refunded").getInt("amount"));
        assertEquals(11_000, partly.getJsonObject("totals").getJsonObject("netPaid").getInt("amount"));
        assertEquals(16_000, partly.getJsonObject("totals").getJsonObject("total").getInt("amount"));

        // the same request again is payments' replay: nothing new, in payments or in the order
        Http.Reply replay = refund(paymentId, 5000L, "scratched");
        assertEquals(part.json().getString("id"), replay.json().getString("id"), replay.body());

        // the rest back: the order is REFUNDED, with both refunds
        Http.Reply rest = refund(paymentId, null, "returned");
        assertEquals(201, rest.status(), rest.body());
        assertEquals("REFUNDED", rest.json().getString("paymentStatus"));
        Eventually.within(Duration.ofSeconds(30), "the order REFUNDED", () -> "REFUNDED".equals(status(id)));
        JsonObject refunded = order(id, token);
        List<JsonObject> steps = refundSteps(refunded);
        assertEquals(2, steps.size(), refunded.toString());
        assertEquals("SHIPPED", steps.get(1).getString("from"));
        assertEquals("REFUNDED", steps.get(1).getString("to"));
        assertEquals(rest.json().getString("id"), steps.get(1).getJsonObject("refund").getString("id"));
        assertEquals(11_000, steps.get(1).getJsonObject("refund").getJsonObject("amount").getInt("amount"));
        assertEquals(16_000, refunded.getJsonObject("totals").getJsonObject("refunded").getInt("amount"));
        assertEquals(0, refunded.getJsonObject("totals").getJsonObject("netPaid").getInt("amount"));
        assertEquals(List.of("PENDING", "PAID", "FULFILLING", "SHIPPED", "SHIPPED", "REFUNDED"), refunded
                .getJsonArray("history").stream().map(s -> s.asJsonObject().getString("to")).toList());

        // staff see the same in every customer's refunded orders
        Http.Reply list = http().get("/orders/api/orders?all=true&status=REFUNDED&size=100", staff);
        assertEquals(200, list.status(), list.body());
        JsonObject listed = list.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).filter(o -> o
                .getString("id").equals(id)).findFirst().orElseThrow(() -> new AssertionError(list.body()));
        assertEquals(16_000, listed.getJsonObject("totals").getJsonObject("refunded").getInt("amount"));
        assertEquals(2, refundSteps(listed).size());
    }

    @Test
    void ordersPlacedWhileTheBrokerIsDownAreDeliveredExactlyOnceAfterItReturns() throws Exception {
        int orders = 50;
        String sku = stockedSku("Outage Mug", 1000, orders + 10);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            carts.add(cartWith(token, Map.of(sku, 1)));
        }
        int salesBefore = todaysSales().getInt("orders");
        List<String> ids = new ArrayList<>();
        PlatformExtension.platform().stopBroker();
        try {
            for (String cart : carts) {
                Http.Reply placed = place(token, UUID.randomUUID().toString(), cart, "tok_visa");
                assertEquals(201, placed.status(), placed.body());
                ids.add(placed.json().getString("id"));
            }
        } finally {
            PlatformExtension.platform().startBroker();
        }
        assertEquals(10, available(sku), "the 50 holds are in place while the news waits");
        Eventually.within(Duration.ofSeconds(150), "every order committed, mailed, shipped and counted", () -> {
            long committed = ids.stream().filter(id -> "COMMITTED".equals(http().get("/inventory/api/reservations/"
                    + id, staff).json().getString("status"))).count();
            long mailed = ids.stream().filter(id -> !mailsFor(id).isEmpty()).count();
            long shipped = ids.stream().filter(id -> shipmentOf(id) != null).count();
            int counted = todaysSales().getInt("orders") - salesBefore;
            System.out.println("[outage] committed " + committed + ", mailed " + mailed + ", shipments " + shipped
                    + ", counted " + counted);
            return committed == orders && mailed == orders && shipped == orders && counted == orders;
        });
        // exactly once: one email and one shipment per order, each unit taken once, counted once
        Map<String, Integer> mails = new HashMap<>();
        ids.forEach(id -> mails.put(id, mailsFor(id).size()));
        assertTrue(mails.values().stream().allMatch(n -> n == 1), "one confirmation per order: " + mails);
        assertTrue(ids.stream().allMatch(id -> shipmentCount(id) == 1), "one shipment per order");
        JsonObject level = stock(sku);
        assertEquals(10, level.getInt("available"));
        assertEquals(orders, todaysSales().getInt("orders") - salesBefore, "counted once");
        ids.forEach(id -> assertNotNull(http().get("/orders/api/orders/" + id, staff).json().getString("status")));
    }

    @Test
    void aPoisonMessageIsDeadLetteredWithItsReasonAndTheConsumersCarryOn() throws Exception {
        String poison = UUID.randomUUID().toString();
        try (BrokerClient broker = new BrokerClient();
                MessageConsumer parked = broker.deadLetters(
                        "DLQ.mercato.orders", "eventId = '" + poison + "' AND mercatoRejectedReason IS NOT NULL")) {
            broker.publish("mercato.orders", "OrderPlaced", "this is not JSON {", poison,
                    java.time.Instant.now());
            Message first = parked.receive(20_000);
            assertNotNull(first, "the poison message is in DLQ.mercato.orders");
            assertTrue(BrokerClient.property(first, "mercatoRejectedReason").contains("JSON"),
                    BrokerClient.property(first, "mercatoRejectedReason"));
        }
        // the consumers still work: a real order goes all the way to a shipment and an email
        String sku = stockedSku("After Poison Kettle", 2000, 2);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        Http.Reply placed = place(token, UUID.randomUUID().toString(), cartWith(token, Map.of(sku, 1)), "tok_visa");
        assertEquals(201, placed.status(), placed.body());
        String id = placed.json().getString("id");
        Eventually.within(Duration.ofSeconds(30), "the next order handled", () -> shipmentOf(id) != null
                && mailsFor(id).size() == 1 && "COMMITTED".equals(http().get("/inventory/api/reservations/" + id,
                        staff).json().getString("status")));
    }
}
