package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inventory over HTTP and JMS: staff counts and adjustments, public availability, reservations for orders, the
 * ERP stock feed (applied once, unreadable messages parked with their reason), and the stock news that reach
 * the catalog's in-stock filter.
 */
@ExtendWith(PlatformExtension.class)
class InventoryApiIT {

    private static String staff;
    private static String customer;
    private static BrokerClient broker;

    @BeforeAll
    static void signIn() throws JMSException {
        staff = PlatformExtension.staffToken();
        customer = UserApiIT.newSignedInCustomer().getString("access_token");
        broker = new BrokerClient();
    }

    @AfterAll
    static void disconnect() throws JMSException {
        if (broker != null) {
            broker.close();
        }
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String newSku() {
        return "INV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static JsonObject staffView(String sku) {
        Http.Reply reply = http().get("/inventory/api/stock/" + sku, staff);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static Http.Reply setStock(String sku, String body, String token) {
        return http().put("/inventory/api/stock/" + sku, body, token);
    }

    @Test
    void staffSetStockThatAnyoneCanRead() {
        String sku = newSku();
        Http.Reply set = setStock(sku, "{\"onHand\":12,\"reason\":\"stocktake\"}", staff);
        assertEquals(200, set.status(), set.body());
        assertEquals(12, set.json().getJsonArray("warehouses").getJsonObject(0).getInt("onHand"));

        Http.Reply shopper = http().get("/inventory/api/stock/" + sku, null);
        assertEquals(200, shopper.status(), shopper.body());
        assertEquals(12, shopper.json().getInt("available"));
        assertTrue(shopper.json().getBoolean("inStock"));
        assertFalse(shopper.json().containsKey("warehouses"), "shoppers do not see the warehouses");

        assertEquals(200, setStock(sku, "{\"adjustBy\":-2,\"reason\":\"damaged\"}", staff).status());
        assertEquals(10, http().get("/inventory/api/stock/" + sku, null).json().getInt("available"),
                "a lower count shows at once");
        JsonObject movements = http().get("/inventory/api/stock/" + sku + "/movements", staff).json();
        assertEquals("ADJUST", movements.getJsonArray("items").getJsonObject(0).getString("kind"));
        assertEquals("damaged", movements.getJsonArray("items").getJsonObject(0).getString("reason"));

        Http.Reply unknown = http().get("/inventory/api/stock/" + newSku(), null);
        assertEquals(0, unknown.json().getInt("available"));
        assertFalse(unknown.json().getBoolean("inStock"));
    }

    @Test
    void badStockChangesAreRefusedAndChangeNothing() {
        String sku = newSku();
        assertEquals(200, setStock(sku, "{\"onHand\":5}", staff).status());
        UserApiIT.assertProblem(setStock(sku, "{\"onHand\":6}", customer), 403);
        UserApiIT.assertProblem(setStock(sku, "{\"onHand\":6}", null), 401);
        UserApiIT.assertProblem(setStock(sku, "{\"onHand\":-1}", staff), 400);
        UserApiIT.assertProblem(setStock(sku, "{\"onHand\":6,\"adjustBy\":1}", staff), 400);
        UserApiIT.assertProblem(setStock(sku, "{}", staff), 400);
        UserApiIT.assertProblem(setStock(sku, "{\"onHand\":6,\"warehouse\":\"NOWHERE\"}", staff), 400);
        UserApiIT.assertProblem(setStock(sku, "{\"onHand\":\"many\"}", staff), 400);
        UserApiIT.assertProblem(setStock(sku, "{\"adjustBy\":-6}", staff), 409);
        UserApiIT.assertProblem(setStock("not%20a%20sku", "{\"onHand\":6}", staff), 400);
        UserApiIT.assertProblem(http().get("/inventory/api/stock/lower-case", null), 400);
        assertEquals(5, staffView(sku).getInt("available"));
    }

    @Test
    void reservationsHoldAllOrNothingAndAreIdempotent() {
        String a = newSku();
        String b = newSku();
        setStock(a, "{\"onHand\":10}", staff);
        setStock(b, "{\"onHand\":1}", staff);
        String order = "order-" + UUID.randomUUID();
        String lines = "[{\"sku\":\"" + a + "\",\"quantity\":3},{\"sku\":\"" + b + "\",\"quantity\":1}]";
        String request = "{\"orderId\":\"" + order + "\",\"lines\":" + lines + "}";

        Http.Reply held = http().post("/inventory/api/reservations", request, staff);
        assertEquals(201, held.status(), held.body());
        assertEquals("HELD", held.json().getString("status"));
        assertEquals(200, http().post("/inventory/api/reservations", request, staff).status(), "a replay");
        assertEquals(7, staffView(a).getInt("available"), "the replay held nothing more");

        UserApiIT.assertProblem(http().post("/inventory/api/reservations", "{\"orderId\":\"" + order
                + "\",\"lines\":[{\"sku\":\"" + a + "\",\"quantity\":4}]}", staff), 409);
        Http.Reply short1 = http().post("/inventory/api/reservations", "{\"orderId\":\"other-" + order
                + "\",\"lines\":[{\"sku\":\"" + a + "\",\"quantity\":1},{\"sku\":\"" + b + "\",\"quantity\":1}]}",
                staff);
        UserApiIT.assertProblem(short1, 409);
        assertTrue(short1.body().contains(b), short1.body());
        assertEquals(7, staffView(a).getInt("available"), "the refused order held none of its lines");
        UserApiIT.assertProblem(http().post("/inventory/api/reservations", request, customer), 403);
        UserApiIT.assertProblem(http().post("/inventory/api/reservations", "{\"orderId\":\"x\",\"lines\":[{\"sku\":\""
                + a + "\",\"quantity\":0}]}", staff), 400);

        Http.Reply committed = http().post("/inventory/api/reservations/" + order + "/commit", "{}", staff);
        assertEquals(200, committed.status(), committed.body());
        assertEquals("COMMITTED", committed.json().getString("status"));
        JsonObject level = staffView(a).getJsonArray("warehouses").getJsonObject(0);
        assertEquals(7, level.getInt("onHand"));
        assertEquals(0, level.getInt("reserved"));
        UserApiIT.assertProblem(http().post("/inventory/api/reservations/" + order + "/release", "{}", staff), 409);
        UserApiIT.assertProblem(http().get("/inventory/api/reservations/no-such-order", staff), 404);
    }

    @Test
    void theStockFeedIsAppliedOnceAndUnreadableMessagesAreParkedWithTheirReason() throws JMSException {
        String sku = newSku();
        String body = "{\"sku\":\"" + sku + "\",\"quantity\":8,\"reason\":\"delivery 4711\",\"source\":\"erp\"}";
        String eventId = broker.publish("mercato.inventory", "StockAdjusted", body);
        broker.publish("mercato.inventory", "StockAdjusted", body, eventId, java.time.Instant.now());
        Eventually.within(Duration.ofSeconds(10), "the delivery booked",
                () -> http().get("/inventory/api/stock/" + sku, staff).json().getInt("available") == 8);

        String bad = broker.publish("mercato.inventory", "StockAdjusted", "{\"sku\":\"" + sku
                + "\",\"quantity\":\"lots\"}");
        String removesTooMuch = broker.publish("mercato.inventory", "StockAdjusted", "{\"sku\":\"" + sku
                + "\",\"quantity\":-100}");
        try (MessageConsumer parked = broker.deadLetters("DLQ.mercato.inventory",
                "eventId IN ('" + bad + "', '" + removesTooMuch + "')")) {
            Message first = parked.receive(15_000);
            Message second = parked.receive(15_000);
            assertTrue(first != null && second != null, "both refused messages are in DLQ.mercato.inventory");
            for (Message message : new Message[]{first, second}) {
                String reason = BrokerClient.property(message, "mercatoRejectedReason");
                assertTrue(reason != null && !reason.isBlank(), "the reason travels with the message");
            }
        }
        assertEquals(8, staffView(sku).getInt("available"), "refused messages changed nothing");
        Eventually.within(Duration.ofSeconds(5), "the feed still being applied after refusals", () -> {
            try {
                broker.publish("mercato.inventory", "StockAdjusted", "{\"sku\":\"" + sku + "\",\"quantity\":1}");
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            return staffView(sku).getInt("available") >= 9;
        });
    }

    @Test
    void stockNewsReachTheCatalogAndWarnWhenLow() throws JMSException {
        String name = "Stocked Kettle " + UUID.randomUUID().toString().substring(0, 6);
        Http.Reply created = http().post("/catalog/api/products", "{\"name\":\"" + name + "\",\"status\":\"ACTIVE\","
                + "\"price\":{\"amount\":3900,\"currency\":\"EUR\"}}", staff);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        String sku = created.json().getJsonArray("variants").getJsonObject(0).getString("sku");

        try (MessageConsumer inventoryTopic = broker.subscribe("mercato.inventory")) {
            assertEquals(200, setStock(sku, "{\"onHand\":6}", staff).status());
            Message back = BrokerClient.next(inventoryTopic, Duration.ofSeconds(10),
                    m -> "StockAvailabilityChanged".equals(BrokerClient.property(m, "eventType"))
                            && sku.equals(BrokerClient.json(m).getString("sku")));
            assertTrue(BrokerClient.json(back).getBoolean("inStock"));
            Eventually.within(Duration.ofSeconds(10), "the product in the catalog's in-stock results",
                    () -> http().get("/catalog/api/products?inStock=true&q=" + name.replace(" ", "%20"), null)
                            .json().getJsonArray("items").stream()
                            .anyMatch(item -> item.asJsonObject().getString("id").equals(id)));

            assertEquals(200, setStock(sku, "{\"adjustBy\":-3}", staff).status());
            Message low = BrokerClient.next(inventoryTopic, Duration.ofSeconds(10),
                    m -> "StockLow".equals(BrokerClient.property(m, "eventType"))
                            && sku.equals(BrokerClient.json(m).getString("sku")));
            assertEquals(3, BrokerClient.json(low).getInt("available"));
        }
    }

    @Test
    void theDemoCatalogIsStockedAndSearchableByAvailability() {
        // embedded mode stocks the demo products as their ProductChanged events arrive (about 9 in 10 in stock)
        Eventually.within(Duration.ofSeconds(60), "demo products in the catalog's in-stock results",
                () -> http().get("/catalog/api/products?inStock=true&size=5", null).json().getInt("total") > 100);
        // other tests sell products out; the catalog learns of it from StockAvailabilityChanged, so the first page of
        // in-stock results must converge on products that inventory really holds units of
        java.util.List<String> unheld = new java.util.ArrayList<>();
        try {
            Eventually.within(Duration.ofSeconds(30), "every product on the first in-stock page held by inventory",
                    () -> {
                        unheld.clear();
                        http().get("/catalog/api/products?inStock=true&size=10", null).json().getJsonArray("items")
                                .stream().map(JsonValue::asJsonObject).forEach(hit -> unheldBy(hit, unheld));
                        return unheld.isEmpty();
                    });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; shown in stock without units: " + unheld, e);
        }
    }

    /** Adds the product, with its variants as the catalog and inventory see them, when no variant has units. */
    private void unheldBy(JsonObject hit, java.util.List<String> unheld) {
        assertTrue(hit.getBoolean("inStock"), hit.toString());
        JsonObject product = http().get("/catalog/api/products/" + hit.getString("id"), null).json();
        StringBuilder seen = new StringBuilder(hit.getString("id"));
        boolean held = false;
        for (JsonValue v : product.getJsonArray("variants")) {
            String variant = v.asJsonObject().getString("sku");
            JsonObject stock = http().get("/inventory/api/stock/" + variant, null).json();
            held |= stock.getInt("available", 0) > 0;
            seen.append(' ').append(variant).append(" catalog inStock=").append(v.asJsonObject().get("inStock"))
                    .append(" inventory ").append(stock);
        }
        if (!held) {
            unheld.add(seen.toString());
        }
    }
}
