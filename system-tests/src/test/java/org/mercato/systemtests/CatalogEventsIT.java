package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog on the message bus, seen by an outside system with a plain JMS client on the platform's Artemis
 * broker: ProductChanged events for every committed change, and inventory's StockAvailabilityChanged news
 * turning into the search's in-stock filter (late or repeated news change nothing, unreadable ones end in the
 * dead-letter queue while the consumer carries on).
 */
@ExtendWith(PlatformExtension.class)
class CatalogEventsIT {

    private static String staff;
    private static BrokerClient broker;

    @BeforeAll
    static void connect() throws JMSException {
        staff = PlatformExtension.staffToken();
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

    private static JsonObject createProduct(String name) {
        String body = "{\"name\":\"" + name + "\",\"brand\":\"Eventful\",\"status\":\"ACTIVE\","
                + "\"price\":{\"amount\":2500,\"currency\":\"EUR\"}}";
        Http.Reply created = http().post("/catalog/api/products", body, staff);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    /** The next ProductChanged for the product, skipping other products' events. */
    private static Message nextEventFor(MessageConsumer consumer, String productId) throws JMSException {
        return BrokerClient.next(consumer, Duration.ofSeconds(15),
                message -> BrokerClient.json(message).getString("productId").equals(productId));
    }

    private static JsonObject json(Message message) {
        return BrokerClient.json(message);
    }

    private static void publishStock(String sku, boolean inStock, Instant occurredAt) throws JMSException {
        broker.publish("mercato.inventory", "StockAvailabilityChanged", "{\"sku\":\"" + sku + "\",\"inStock\":"
                + inStock + ",\"available\":" + (inStock ? 7 : 0) + "}", UUID.randomUUID().toString(), occurredAt);
    }

    private static boolean inStockResultsContain(String name, String id) {
        Http.Reply reply = http().get("/catalog/api/products?inStock=true&q="
                + name.replace(" ", "%20"), null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").stream()
                .anyMatch(item -> item.asJsonObject().getString("id").equals(id));
    }

    @Test
    void everyCommittedChangeIsAnnouncedWithItsNewState() throws Exception {
        try (MessageConsumer consumer = broker.subscribe("mercato.catalog")) {
            JsonObject product = createProduct("Announced Kettle " + UUID.randomUUID().toString().substring(0, 6));
            String id = product.getString("id");

            Message created = nextEventFor(consumer, id);
            assertEquals("ProductChanged", created.getStringProperty("eventType"));
            assertNotNull(UUID.fromString(created.getStringProperty("eventId")));
            assertNotNull(Instant.parse(created.getStringProperty("occurredAt")));
            assertEquals(1, created.getIntProperty("schemaVersion"));
            JsonObject body = json(created);
            assertEquals(product.getInt("version"), body.getInt("version"));
            assertEquals("ACTIVE", body.getString("status"));
            assertEquals(product.getJsonArray("variants").getJsonObject(0).getString("sku"),
                    body.getJsonArray("variants").getJsonObject(0).getString("sku"));
            assertEquals(2500, body.getJsonArray("variants").getJsonObject(0).getJsonObject("price").getInt("amount"));

            assertEquals(204, http().delete("/catalog/api/products/" + id, staff).status());
            JsonObject archived = json(nextEventFor(consumer, id));
            assertEquals("ARCHIVED", archived.getString("status"));
            assertTrue(archived.getInt("version") > body.getInt("version"));
        }
    }

    @Test
    void aRefusedChangeIsNeverAnnounced() throws Exception {
        try (MessageConsumer consumer = broker.subscribe("mercato.catalog")) {
            String name = "Negative Teapot " + UUID.randomUUID().toString().substring(0, 6);
            String body = "{\"name\":\"" + name + "\",\"status\":\"ACTIVE\","
                    + "\"price\":{\"amount\":-1,\"currency\":\"EUR\"}}";
            assertEquals(400, http().post("/catalog/api/products", body, staff).status());
            Message message;
            while ((message = consumer.receive(1500)) != null) {
                assertTrue(!json(message).getString("name").equals(name), "a refused product was announced");
            }
        }
    }

    @Test
    void inventoryNewsDriveTheInStockFilterInOrder() throws Exception {
        String name = "Stocked Grinder " + UUID.randomUUID().toString().substring(0, 6);
        JsonObject product = createProduct(name);
        String id = product.getString("id");
        String sku = product.getJsonArray("variants").getJsonObject(0).getString("sku");
        assertTrue(!product.getJsonArray("variants").getJsonObject(0).getBoolean("inStock"),
                "unknown stock is not in stock");

        Instant now = Instant.now();
        publishStock(sku, true, now);
        Eventually.within(Duration.ofSeconds(10), "the product showing under inStock=true",
                () -> inStockResultsContain(name, id));
        assertTrue(http().get("/catalog/api/products/" + id, staff).json().getJsonArray("variants")
                .getJsonObject(0).getBoolean("inStock"));

        // older news arriving late changes nothing: once news sent after it has been applied (a positive marker,
        // not a pause), the product is still in stock
        publishStock(sku, false, now.minusSeconds(60));
        String markerName = "Marker " + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply marker = http().post("/catalog/api/products", "{\"name\":\"" + markerName + "\",\"status\":"
                + "\"ACTIVE\",\"price\":{\"amount\":100,\"currency\":\"EUR\"}}", staff);
        assertEquals(201, marker.status(), marker.body());
        publishStock(marker.json().getJsonArray("variants").getJsonObject(0).getString("sku"), true, Instant.now());
        Eventually.within(Duration.ofSeconds(10), "the later news applied",
                () -> inStockResultsContain(markerName, marker.json().getString("id")));
        assertTrue(inStockResultsContain(name, id), "stale news must not win");

        publishStock(sku, false, now.plusSeconds(1));
        Eventually.within(Duration.ofSeconds(10), "the product leaving inStock=true",
                () -> !inStockResultsContain(name, id));
    }

    @Test
    void aBurstOfNewsAboutOneProductEndsOnTheNewestInTheDatabaseAndTheSearch() throws Exception {
        // inventory's news about two SKUs of one product, flipping fast (orders reserving and releasing the last
        // units): the catalog's consumers apply them concurrently, yet the newest news of each SKU must win, in the
        // database and in the search index alike
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String name = "Flipping Mill " + run;
        Http.Reply created = http().post("/catalog/api/products", "{\"name\":\"" + name + "\",\"status\":\"ACTIVE\","
                + "\"variants\":[{\"sku\":\"FLIP-S-" + run + "\",\"attributes\":{\"size\":\"S\"},"
                + "\"price\":{\"amount\":1900,\"currency\":\"EUR\"}},{\"sku\":\"FLIP-M-" + run + "\","
                + "\"attributes\":{\"size\":\"M\"},\"price\":{\"amount\":2100,\"currency\":\"EUR\"}}]}",
                staff);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        List<String> skus = List.of("FLIP-S-" + run, "FLIP-M-" + run);

        Instant start = Instant.now();
        int rounds = 60;
        // one SKU's news after the other's: the two consumers take turns, so each SKU's news are applied two at a
        // time, an older one beside a newer one
        for (String sku : skus) {
            for (int round = 0; round <= rounds; round++) {
                // the last round says: out of stock
                publishStock(sku, round < rounds && round % 2 == 0, start.plusMillis(10L * round));
            }
        }
        Eventually.within(Duration.ofSeconds(20), "both variants out of stock in the product's record",
                () -> http().get("/catalog/api/products/" + id, staff).json().getJsonArray("variants").stream()
                        .noneMatch(v -> v.asJsonObject().getBoolean("inStock")));
        Eventually.within(Duration.ofSeconds(10), "the product gone from the in-stock results",
                () -> !inStockResultsContain(name, id));
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAndTheConsumerCarriesOn() throws Exception {
        String poisonId = broker.publish("mercato.inventory", "StockAvailabilityChanged", "this is not JSON");

        String name = "Resilient Scale " + UUID.randomUUID().toString().substring(0, 6);
        JsonObject product = createProduct(name);
        publishStock(product.getJsonArray("variants").getJsonObject(0).getString("sku"), true, Instant.now());
        Eventually.within(Duration.ofSeconds(10), "a good message applied while the poison one is retried",
                () -> inStockResultsContain(name, product.getString("id")));

        // parked at once on the dead-letter queue of its address, with the reason
        try (MessageConsumer dead = broker.deadLetters("DLQ.mercato.inventory", "eventId = '" + poisonId + "'")) {
            Message message = dead.receive(Duration.ofSeconds(45).toMillis());
            assertNotNull(message, "the unreadable message did not reach DLQ.mercato.inventory");
            assertEquals("this is not JSON", ((TextMessage) message).getText());
            assertNotNull(BrokerClient.property(message, "mercatoRejectedReason"), "the reason travels with it");
        }
    }
}
