package org.mercato.cart.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.platform.testing.payara.InPayaraMicro;
import org.mercato.platform.testing.payara.PayaraMicroPlatform;
import org.mercato.platform.testing.payara.TestBroker;

/**
 * The cart WAR on Payara Micro with the Artemis resource adapter and a real broker (carts in Payara's data grid, no
 * database; catalog and inventory answered by the test): OrderPlaced on {@code mercato.orders} empties the cart it
 * was placed from (a guest cart goes, a customer's is emptied), however often it arrives; a message that can never be
 * read is parked at once with its reason and empties nothing. No redelivery here: the cart's only failure that may
 * pass is its own data grid's, which cannot be provoked from outside.
 */
@InPayaraMicro(value = "cart", database = false)
class CartJmsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SKU = "MC-7KQ2ZP";
    private static PayaraMicroPlatform platform;
    private static TestBroker broker;

    /** The WAR as the build packaged it (failsafe runs after {@code package}): what ships is what is tested. */
    @Deployment(testable = false)
    static WebArchive cart() {
        return PayaraMicroPlatform.packagedWar("cart.war");
    }

    @BeforeAll
    static void ready() throws Exception {
        platform = PayaraMicroPlatform.current();
        broker = platform.broker();
        // the catalog's price and inventory's availability of the one SKU the carts hold
        platform.otherServices().answer("GET", "/catalog/api/skus", 200, "{\"items\":[{\"sku\":\"" + SKU
                + "\",\"name\":\"Sonora Crème Headphones 319\",\"price\":{\"amount\":17399,\"currency\":\"EUR\"},"
                + "\"sellable\":true}]}");
        platform.otherServices().answer("GET", "/inventory/api/stock", 200, "{\"items\":[{\"sku\":\"" + SKU
                + "\",\"available\":10,\"inStock\":true}]}");
        platform.awaitReady(Duration.ofSeconds(120));
        broker.awaitSubscription(Topics.ORDERS, "cart-order-placed", Duration.ofSeconds(60));
    }

    @Test
    void anOrderPlacedRemovesItsGuestCartAndEmptiesItsCustomersCartHoweverOftenItArrives() throws Exception {
        String guestCart = call("POST", "/cart/api/carts", null, null, 201).getString("id");
        addItem(guestCart, null);
        String customer = platform.tokens().bearer(UUID.randomUUID().toString(), "ada@example.com", "customer");
        String customerCart = call("GET", "/cart/api/carts/mine", customer, null, 200).getString("id");
        addItem(customerCart, customer);
        String untouched = call("POST", "/cart/api/carts", null, null, 201).getString("id");
        addItem(untouched, null);

        String eventId = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, eventId, 1, orderPlaced(guestCart));
        // the same message again (a redelivery after a lost acknowledgement)
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, eventId, 1, orderPlaced(guestCart));
        String customersOrder = broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(customerCart));
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(null));
        // another type on the topic is not the cart's: its selector leaves it alone
        broker.publish(Topics.ORDERS, OrderCancelled.TYPE, "{}");

        eventually(WAIT, "the guest cart gone", () -> status("/cart/api/carts/" + guestCart, null) == 404);
        eventually(WAIT, "the customer's cart empty", () -> lines(customerCart, customer) == 0);
        assertEquals(customerCart, call("GET", "/cart/api/carts/mine", customer, null, 200).getString("id"));
        assertEquals(1, lines(untouched, null));

        // the customer fills the cart again; a late duplicate of the applied order's event changes nothing: the
        // next event (a marker, applied after it) shows it was read
        addItem(customerCart, customer);
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, customersOrder, 1, orderPlaced(customerCart));
        String marker = call("POST", "/cart/api/carts", null, null, 201).getString("id");
        addItem(marker, null);
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(marker));
        eventually(WAIT, "the marker's guest cart gone", () -> status("/cart/api/carts/" + marker, null) == 404);
        assertEquals(1, lines(customerCart, customer), "the late duplicate did not empty the refilled cart");
    }

    @Test
    void whatCanNeverBeReadIsParkedWithItsReasonAndEmptiesNothing() throws Exception {
        String cart = call("POST", "/cart/api/carts", null, null, 201).getString("id");
        addItem(cart, null);
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(cart).replaceFirst(
                "\"orderId\":\"[^\"]*\"", "\"orderId\":null")), "orderId");
        reasons.put(broker.publish(Topics.ORDERS, OrderPlaced.TYPE, "{\"cartId\": \"" + cart + "\""), "unreadable");
        String newer = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, newer, 2, orderPlaced(cart));
        reasons.put(newer, "schemaVersion 2 is newer");
        for (Map.Entry<String, String> expected : reasons.entrySet()) {
            String reason = broker.parkedReason(Topics.ORDERS, "eventId = '" + expected.getKey() + "'");
            assertNotNull(reason, expected.getValue());
            assertTrue(reason.contains(expected.getValue()), expected.getValue() + " not in: " + reason);
        }
        assertEquals(1, lines(cart, null));
    }

    private static void addItem(String cartId, String authorization) throws Exception {
        JsonObject cart = call("POST", "/cart/api/carts/" + cartId + "/items", authorization, "{\"sku\":\"" + SKU
                + "\",\"quantity\":2}", 200);
        assertEquals(1, cart.getJsonArray("lines").size(), cart.toString());
    }

    /** The lines saved in the cart (its items, as the order service reads them). */
    private static int lines(String cartId, String authorization) {
        try {
            return call("GET", "/cart/api/carts/" + cartId + "/items", authorization, null, 200).getJsonArray("lines")
                    .size();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(String path, String authorization) {
        try {
            return send("GET", path, authorization, null).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject call(String method, String path, String authorization, String json, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = send(method, path, authorization, json);
        assertEquals(expected, answer.statusCode(), method + " " + path + ": " + answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static HttpResponse<String> send(String method, String path, String authorization, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The reason a message the selector picks was parked with, or null if none arrives. */

    /** The documented OrderPlaced (docs/events.md) of an order placed from the cart (null: from none). */
    private static String orderPlaced(String cartId) {
        MonetaryAmount lines = new MonetaryAmount(34798L, "EUR");
        return EventJson.write(new OrderPlaced(UUID.randomUUID().toString(), cartId, new OrderCustomer("2f1e",
                "ada@example.com", "Ada Lovelace"),
                List.of(new OrderPlaced.Line(SKU, "Sonora Crème Headphones 319", 2,
                        new MonetaryAmount(17399L, "EUR"), lines)),
                new OrderPlaced.Totals(lines, new MonetaryAmount(0L,
                        "EUR"), new MonetaryAmount(0L, "EUR"), lines, true),
                new PostalAddress("Ada Lovelace",
                        "1 Analytical Row", null, "London", "N1 1AA", "GB"),
                "5b0e", Instant.parse(
                        "2026-11-24T10:15:30Z")));
    }
}
