package org.mercato.order.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercato.platform.testing.payara.PayaraMicroPlatform.eventually;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.messaging.events.ShipmentCreated;
import org.mercato.messaging.events.ShipmentDispatched;
import org.mercato.platform.testing.payara.InPayaraMicro;
import org.mercato.platform.testing.payara.OtherServices;
import org.mercato.platform.testing.payara.PayaraMicroPlatform;
import org.mercato.platform.testing.payara.TestBroker;

/**
 * The order WAR on Payara Micro with the Artemis resource adapter, a real broker and PostgreSQL: the warehouse's
 * ShipmentCreated and ShipmentDispatched ({@code mercato.fulfillment}) and payments' PaymentRefunded
 * ({@code mercato.orders}) move a paid order once per event id, what can never apply is parked with its reason, a
 * failure that passes is redelivered by the broker; a staff cancel over HTTP (a token the service verifies, payments
 * answered by the test) leaves OrderCancelled on {@code mercato.orders} through the outbox relay. The orders are
 * written in the database as a placement leaves them: placing one goes through four other services (cart, catalog,
 * inventory, payments), which the module's {@code OrderServiceTest} and the system tests cover.
 */
@InPayaraMicro(value = "orders", settings = "mercato.service-clients.orders.secret=in-container-test")
class OrderJmsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PayaraMicroPlatform platform;
    private static TestBroker broker;

    /** The WAR as the build packaged it (failsafe runs after {@code package}): what ships is what is tested. */
    @Deployment(testable = false)
    static WebArchive orders() {
        return PayaraMicroPlatform.packagedWar("orders.war");
    }

    @BeforeAll
    static void ready() throws Exception {
        platform = PayaraMicroPlatform.current();
        broker = platform.broker();
        platform.awaitReady(Duration.ofSeconds(120));
        broker.awaitSubscription(Topics.FULFILLMENT, "orders-shipments", Duration.ofSeconds(60));
        broker.awaitSubscription(Topics.ORDERS, "orders-payment-refunds", Duration.ofSeconds(60));
    }

    @Test
    void theWarehousesNewsMovesAPaidOrderToShippedOncePerEventId() throws Exception {
        UUID orderId = paidOrder();
        String created = UUID.randomUUID().toString();
        broker.publish(Topics.FULFILLMENT, ShipmentCreated.TYPE, created, 1, shipmentCreated(orderId.toString()));
        // the same message again (a redelivery after a lost acknowledgement)
        broker.publish(Topics.FULFILLMENT, ShipmentCreated.TYPE, created, 1, shipmentCreated(orderId.toString()));
        eventually(WAIT, "order " + orderId + " FULFILLING", () -> status(orderId).equals("FULFILLING"));
        broker.publish(Topics.FULFILLMENT, ShipmentDispatched.TYPE, shipmentDispatched(orderId.toString()));
        eventually(WAIT, "order " + orderId + " SHIPPED", () -> status(orderId).equals("SHIPPED"));
        eventually(WAIT, "the event id recorded", () -> platform.number(
                "select count(*) from processed_event where event_id::text = ?", created) == 1);
        assertEquals(1, platform.number("select count(*) from order_transition where order_id = ? and to_status ="
                + " 'FULFILLING'", orderId));
        assertEquals("TRK-" + orderId.toString().substring(0, 8), text(
                "select tracking_number from customer_order where id = ?", orderId));
    }

    @Test
    void paymentsRefundsAreRecordedOncePerEventIdAndTheLastMakesTheOrderRefunded() throws Exception {
        UUID orderId = paidOrder();
        String partial = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, PaymentRefunded.TYPE, partial, 1, paymentRefunded(orderId, "rf-1", 4000,
                6000));
        broker.publish(Topics.ORDERS, PaymentRefunded.TYPE, partial, 1, paymentRefunded(orderId, "rf-1", 4000,
                6000));
        eventually(WAIT, "4000 refunded", () -> platform.number("select refunded from customer_order where id = ?",
                orderId) == 4000);
        broker.publish(Topics.ORDERS, PaymentRefunded.TYPE, paymentRefunded(orderId, "rf-2", 6000, 0));
        eventually(WAIT, "order " + orderId + " REFUNDED", () -> status(orderId).equals("REFUNDED"));
        assertEquals(10000, platform.number("select refunded from customer_order where id = ?", orderId));
        assertEquals(2, platform.number("select count(*) from order_transition where order_id = ? and refund_id is"
                + " not null", orderId));
    }

    @Test
    void aStaffCancelOverHttpPublishesOrderCancelledThroughTheOutboxAndHasPaymentsRefund() throws Exception {
        UUID orderId = paidOrder();
        OtherServices others = platform.otherServices();
        others.answer("POST", "/users/api/service-tokens", 200, "{\"access_token\":\"orders-token\","
                + "\"expires_in\":900}");
        others.answer("POST", "/payments/api/refunds", 201, "{\"id\":\"rf-" + orderId + "\",\"amount\":{"
                + "\"amount\":10000,\"currency\":\"EUR\"},\"reason\":\"order cancelled\",\"remaining\":0,"
                + "\"paymentStatus\":\"REFUNDED\"}");
        try (MessageConsumer cancelled = broker.subscribe(Topics.ORDERS, "eventType = '" + OrderCancelled.TYPE
                + "'")) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform
                    .baseUrl() + "/orders/api/orders/" + orderId + "/cancel")).header("Authorization", platform
                            .tokens().staff())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"customer asked\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("REFUNDED", status(orderId));

            TextMessage published = TestBroker.nextAbout(cancelled, orderId.toString(), WAIT.toMillis());
            assertNotNull(published, "OrderCancelled for " + orderId);
            assertEquals(1, published.getIntProperty("schemaVersion"));
            OrderCancelled body = EventJson.read(published.getText(), OrderCancelled.CONTRACT);
            assertEquals(orderId.toString(), body.orderId());
            assertEquals("customer asked", body.reason());
            assertEquals("staff@example.com", body.cancelledBy());
            assertTrue(body.refunded());
            assertEquals(List.of(new OrderCancelled.Line("MC-7KQ2ZP", 2)), body.lines());
            assertNull(TestBroker.nextAbout(cancelled, orderId.toString(), 1000), "one OrderCancelled");
        }
        assertTrue(others.received().stream().anyMatch(request -> request.path().equals("/payments/api/refunds")
                && request.body().contains("pay-" + orderId)), "payments asked to refund the order's payment");
    }

    @Test
    void whatCanNeverApplyIsParkedOnTheDeadLetterQueueWithItsReasonAndChangesNothing() throws Exception {
        UUID orderId = paidOrder();
        Map<String, String> shipments = new LinkedHashMap<>();
        shipments.put(broker.publish(Topics.FULFILLMENT, ShipmentCreated.TYPE, shipmentCreated("order-7")),
                "orderId is not an order's id");
        shipments.put(broker.publish(Topics.FULFILLMENT, ShipmentDispatched.TYPE, shipmentDispatched(orderId
                .toString()).replace("\"trackingNumber\"", "\"tracking\"")), "trackingNumber");
        shipments.put(broker.publish(Topics.FULFILLMENT, ShipmentCreated.TYPE, "shipped!"), "unreadable");
        String newer = UUID.randomUUID().toString();
        broker.publish(Topics.FULFILLMENT, ShipmentCreated.TYPE, newer, 2, shipmentCreated(orderId.toString()));
        shipments.put(newer, "schemaVersion 2");
        for (Map.Entry<String, String> expected : shipments.entrySet()) {
            String reason = broker.parkedReason(Topics.FULFILLMENT, "eventId = '" + expected.getKey() + "'");
            assertNotNull(reason, expected.getValue());
            assertTrue(reason.contains(expected.getValue()), expected.getValue() + " not in: " + reason);
        }
        String tooMuch = broker.publish(Topics.ORDERS, PaymentRefunded.TYPE, paymentRefunded(orderId, "rf-9", 10001,
                0));
        String reason = broker.parkedReason(Topics.ORDERS, "eventId = '" + tooMuch + "'");
        assertNotNull(reason, "a refund of more than the order parked");
        assertTrue(reason.startsWith(PaymentRefunded.TYPE), reason);
        assertEquals("PAID", status(orderId));
        assertEquals(0, platform.number("select refunded from customer_order where id = ?", orderId));
    }

    @Test
    void aChangeTheDatabaseRefusesTwiceIsRedeliveredByTheBrokerAndApplied() throws Exception {
        UUID orderId = paidOrder();
        // the database refuses the first two attempts at the order's step to FULFILLING (a failure the consumer
        // cannot tell from a database outage); a sequence counts the attempts, its numbers are not rolled back
        platform.execute("create sequence fulfilling_attempts",
                "create function refuse_fulfilling() returns trigger language plpgsql as $$ begin"
                        + " if new.order_id = '" + orderId + "' and new.to_status = 'FULFILLING'"
                        + " and nextval('fulfilling_attempts') <= 2 then"
                        + " raise exception 'test: the database refuses this step now'; end if;"
                        + " return new; end $$",
                "create trigger refuse_fulfilling before insert on order_transition for each row execute function"
                        + " refuse_fulfilling()");
        try {
            String eventId = broker.publish(Topics.FULFILLMENT, ShipmentCreated.TYPE, shipmentCreated(orderId
                    .toString()));
            eventually(WAIT, "FULFILLING on the third delivery", () -> status(orderId).equals("FULFILLING"));
            assertEquals(3, platform.number("select last_value from fulfilling_attempts"));
            assertEquals(1, platform.number("select count(*) from processed_event where event_id::text = ?",
                    eventId));
        } finally {
            platform.execute("drop trigger refuse_fulfilling on order_transition",
                    "drop function refuse_fulfilling()");
        }
    }

    /** A paid order of 100.00 EUR (two headphones, tax included), as placing it leaves it in the database. */
    private static UUID paidOrder() {
        UUID id = UUID.randomUUID();
        platform.execute("insert into customer_order (id, customer_id, customer_email, customer_name, currency,"
                + " subtotal, shipping, tax, total, tax_included, ship_name, ship_line1, ship_city, ship_postal_code,"
                + " ship_country, status, payment_id, created_at, updated_at, version) values ('" + id + "', '2f1e',"
                + " 'ada@example.com', 'Ada Lovelace', 'EUR', 10000, 0, 1597, 10000, true, 'Ada Lovelace',"
                + " '1 Analytical Row', 'London', 'N1 1AA', 'GB', 'PAID', 'pay-" + id + "', now(), now(), 2)",
                "insert into order_line (order_id, position, sku, name, quantity, unit_price, currency) values ('"
                        + id + "', 0, 'MC-7KQ2ZP', 'Sonora Crème Headphones 319', 2, 5000, 'EUR')",
                "insert into order_transition (order_id, from_status, to_status, at, actor) values ('" + id
                        + "', null, 'PENDING', now(), 'ada@example.com'), ('" + id
                        + "', 'PENDING', 'PAID', now(), 'payments')");
        return id;
    }

    private static String status(UUID orderId) {
        return text("select status from customer_order where id = ?", orderId);
    }

    private static String text(String sql, Object parameter) {
        try (var connection = platform.database().getConnection();
                var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The reason a message the selector picks was parked with, or null if none arrives. */

    private static String shipmentCreated(String orderId) {
        return EventJson.write(new ShipmentCreated("s-" + UUID.randomUUID(), orderId, Instant.parse(
                "2026-11-24T10:20:00Z")));
    }

    private static String shipmentDispatched(String orderId) {
        return EventJson.write(new ShipmentDispatched("s-" + orderId, orderId, "DHL", "TRK-" + orderId.substring(0,
                8), Instant.parse("2026-11-25T08:00:00Z"), new ShipmentDispatched.Recipient("ada@example.com",
                        "Ada Lovelace"),
                new PostalAddress("Ada Lovelace", "1 Analytical Row", null, "London",
                        "N1 1AA", "GB"),
                List.of(new ShipmentDispatched.Line("MC-7KQ2ZP", "Headphones", 2))));
    }

    private static String paymentRefunded(UUID orderId, String refundId, long amount, long remaining) {
        return EventJson.write(new PaymentRefunded("pay-" + orderId, orderId.toString(), refundId, new MonetaryAmount(
                amount, "EUR"), remaining, remaining == 0 ? "REFUNDED" : "PARTIALLY_REFUNDED", "damaged"));
    }
}
