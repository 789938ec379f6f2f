package org.mercato.catalog.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercato.platform.testing.payara.PayaraMicroPlatform.eventually;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.ProductChanged;
import org.mercato.messaging.events.StockAvailabilityChanged;
import org.mercato.platform.testing.payara.InPayaraMicro;
import org.mercato.platform.testing.payara.PayaraMicroPlatform;
import org.mercato.platform.testing.payara.TestBroker;

/**
 * The catalog WAR on Payara Micro with the Artemis resource adapter, a real broker and PostgreSQL (the embedded
 * Lucene index, no demo catalog): a product a staff member creates over HTTP is announced as ProductChanged on
 * {@code mercato.catalog} through the outbox relay; inventory's StockAvailabilityChanged on
 * {@code mercato.inventory} sets its in-stock flag and the search's filter, older news changing nothing; unreadable
 * news is parked with its reason, and a failure that passes is redelivered by the broker and applied.
 */
@InPayaraMicro(value = "catalog", settings = {"mercato.catalog.search.backend=lucene",
        "mercato.catalog.index-dir=target/payara-micro-it/catalog-index",
        "mercato.catalog.image-dir=target/payara-micro-it/catalog-images", "mercato.catalog.demo-products=0"})
class CatalogJmsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PayaraMicroPlatform platform;
    private static TestBroker broker;

    /** The WAR as the build packaged it (failsafe runs after {@code package}): what ships is what is tested. */
    @Deployment(testable = false)
    static WebArchive catalog() {
        return PayaraMicroPlatform.packagedWar("catalog.war");
    }

    @BeforeAll
    static void ready() throws Exception {
        platform = PayaraMicroPlatform.current();
        broker = platform.broker();
        platform.awaitReady(Duration.ofSeconds(120));
        broker.awaitSubscription(Topics.INVENTORY, "catalog-stock-availability", Duration.ofSeconds(60));
    }

    @Test
    void aProductCreatedByStaffIsPublishedAfterCommitAndStockNewsSetsItsInStockFilter() throws Exception {
        String sku = newSku();
        String name = "Wiring lamp " + sku.substring(3).toLowerCase();
        JsonObject product;
        try (MessageConsumer changed = broker.subscribe(Topics.CATALOG, "eventType = '" + ProductChanged.TYPE
                + "'")) {
            product = createProduct(name, sku);
            TextMessage published = TestBroker.nextAbout(changed, sku, WAIT.toMillis());
            assertNotNull(published, "ProductChanged for " + sku);
            assertEquals(1, published.getIntProperty("schemaVersion"));
            ProductChanged body = EventJson.read(published.getText(), ProductChanged.CONTRACT);
            assertEquals(product.getString("id"), body.productId());
            assertEquals(name, body.name());
            assertEquals(List.of(sku), body.variants().stream().map(ProductChanged.Variant::sku).toList());
            assertNull(body.origin(), "a staff product");
            assertNull(TestBroker.nextAbout(changed, sku, 1000), "one ProductChanged per change");
        }
        assertEquals(List.of(), searchInStock(name));

        Instant now = Instant.now();
        broker.publish(Topics.INVENTORY, StockAvailabilityChanged.TYPE, UUID.randomUUID().toString(), 1, now,
                inStock(sku, true));
        eventually(WAIT, sku + " in stock", () -> inStockFlag(sku) == 1);
        eventually(WAIT, "the product found in stock", () -> searchInStock(name).equals(List.of(product.getString(
                "id"))));
        // news older than what is recorded changes nothing; newer news does
        broker.publish(Topics.INVENTORY, StockAvailabilityChanged.TYPE, UUID.randomUUID().toString(), 1, now
                .minusSeconds(60), inStock(sku, false));
        String later = UUID.randomUUID().toString();
        broker.publish(Topics.INVENTORY, StockAvailabilityChanged.TYPE, later, 1, now.plusSeconds(1), inStock(sku,
                true));
        Thread.sleep(1000);
        assertEquals(1, inStockFlag(sku));
        broker.publish(Topics.INVENTORY, StockAvailabilityChanged.TYPE, UUID.randomUUID().toString(), 1, now
                .plusSeconds(2), inStock(sku, false));
        eventually(WAIT, sku + " out of stock", () -> inStockFlag(sku) == 0);
        eventually(WAIT, "the product no longer found in stock", () -> searchInStock(name).isEmpty());
    }

    @Test
    void unreadableStockNewsIsParkedWithItsReasonAndChangesNothing() throws Exception {
        String sku = newSku();
        createProduct("Parked lamp " + sku.substring(3).toLowerCase(), sku);
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(broker.publish(Topics.INVENTORY, StockAvailabilityChanged.TYPE, inStock(sku, true).replace(
                "\"inStock\":true", "\"inStock\":\"yes\"")), "inStock");
        reasons.put(broker.publish(Topics.INVENTORY, StockAvailabilityChanged.TYPE, inStock(sku, true).replace(
                "\"sku\"", "\"article\"")), "sku");
        reasons.put(broker.publish(Topics.INVENTORY, StockAvailabilityChanged.TYPE, sku + " is back"), "unreadable");
        String newer = UUID.randomUUID().toString();
        broker.publish(Topics.INVENTORY, StockAvailabilityChanged.TYPE, newer, 2, inStock(sku, true));
        reasons.put(newer, "schemaVersion 2");
        for (Map.Entry<String, String> expected : reasons.entrySet()) {
            String reason = broker.parkedReason(Topics.INVENTORY, "eventId = '" + expected.getKey() + "'");
            assertNotNull(reason, expected.getValue());
            assertTrue(reason.startsWith("unreadable " + StockAvailabilityChanged.TYPE + " " + expected.getKey()),
                    reason);
            assertTrue(reason.contains(expected.getValue()), expected.getValue() + " not in: " + reason);
        }
        assertEquals(0, inStockFlag(sku));
    }

    @Test
    void aChangeTheDatabaseRefusesTwiceIsRedeliveredByTheBrokerAndApplied() throws Exception {
        String sku = newSku();
        createProduct("Flaky lamp " + sku.substring(3).toLowerCase(), sku);
        // the database refuses the first two attempts at the variant's flag (a failure the consumer cannot tell
        // from a database outage); a sequence counts the attempts, its numbers are not rolled back
        platform.execute("create sequence stock_news_attempts",
                "create function refuse_stock_news() returns trigger language plpgsql as $$ begin"
                        + " if new.sku = '" + sku + "' and new.in_stock and nextval('stock_news_attempts') <= 2 then"
                        + " raise exception 'test: the database refuses this change now'; end if;"
                        + " return new; end $$",
                "create trigger refuse_stock_news before update on variant for each row execute function"
                        + " refuse_stock_news()");
        try {
            broker.publish(Topics.INVENTORY, StockAvailabilityChanged.TYPE, inStock(sku, true));
            eventually(WAIT, sku + " in stock on the third delivery", () -> inStockFlag(sku) == 1);
            assertEquals(3, platform.number("select last_value from stock_news_attempts"));
        } finally {
            platform.execute("drop trigger refuse_stock_news on variant", "drop function refuse_stock_news()");
        }
    }

    private static String newSku() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static long inStockFlag(String sku) {
        return platform.number("select count(*) from variant where sku = ? and in_stock", sku);
    }

    /** An ACTIVE product with one variant, created by staff over HTTP; its view. */
    private static JsonObject createProduct(String name, String sku) throws IOException, InterruptedException {
        JsonObject price = Json.createObjectBuilder().add("amount", 4990).add("currency", "EUR").build();
        String body = Json.createObjectBuilder().add("name", name).add("status", "ACTIVE").add("price", price).add(
                "variants", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", sku).add("price",
                        price)))
                .build().toString();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(platform.baseUrl()
                + "/catalog/api/products")).header("Authorization", platform.tokens().staff()).header("Content-Type",
                        "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return Json.createReader(new StringReader(created.body())).readObject();
    }

    /** The ids of the products a shopper finds in stock for the words. */
    private static List<String> searchInStock(String words) {
        try {
            HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(platform.baseUrl()
                    + "/catalog/api/products?inStock=true&q=" + java.net.URLEncoder.encode(words,
                            java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, found.statusCode(), found.body());
            return Json.createReader(new StringReader(found.body())).readObject().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().filter(item -> item.getString("name").equals(words)).map(
                            item -> item.getString("id"))
                    .toList();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reason a message the selector picks was parked with, or null if none arrives. */

    private static String inStock(String sku, boolean inStock) {
        return EventJson.write(new StockAvailabilityChanged(sku, inStock, inStock ? 5L : 0L));
    }
}
