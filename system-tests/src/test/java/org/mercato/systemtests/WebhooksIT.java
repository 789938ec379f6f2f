package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

/**
 * Webhooks end to end (docs/webhooks.md): staff register a receiver on 127.0.0.1 that answers 500 to the first two
 * attempts of each event and 200 after; a real order's {@code OrderPlaced} arrives there signed
 * ({@code Mercato-Signature}, checked here with the JDK's Mac and the secret from the registration) after two
 * retries, the delivery log shows the three attempts, a replay POSTs it once more, and after a rotation the next
 * delivery carries signatures for both secrets. Bad registrations are 400 problem+json and register nothing; only
 * staff and admins reach the API.
 */
@ExtendWith(PlatformExtension.class)
class WebhooksIT {

    private static final String WEBHOOKS = "/notifications/api/webhooks";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static HttpServer receiver;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> ATTEMPTS_PER_EVENT = new ConcurrentHashMap<>();
    private static String staff;

    /** One POST the receiver got, and the status it answered. */
    record Received(String eventType, String eventId, String deliveryId, String signature, String contentType,
            String body, int answered) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        staff = PlatformExtension.staffToken();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/mercato", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String eventId = String.valueOf(exchange.getRequestHeaders().getFirst("Mercato-Event-Id"));
            int attempt = ATTEMPTS_PER_EVENT.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
            int status = attempt <= 2 ? 500 : 200;
            RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Mercato-Event-Type"), eventId, exchange
                    .getRequestHeaders().getFirst("Mercato-Delivery-Id"),
                    exchange.getRequestHeaders().getFirst(
                            "Mercato-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/mercato";
    }

    private static List<Received> receivedFor(String eventType, String text) {
        return RECEIVED.stream().filter(r -> eventType.equals(r.eventType()) && r.body().contains(text)).toList();
    }

    private static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The v1 signatures of a Mercato-Signature header that match this secret, after checking t is recent. */
    private static List<String> verifiedSignatures(Received delivery, String secret) {
        assertNotNull(delivery.signature(), "signed");
        long t = -1;
        List<String> v1 = new ArrayList<>();
        for (String part : delivery.signature().split(",")) {
            String[] pair = part.split("=", 2);
            if (pair[0].equals("t")) {
                t = Long.parseLong(pair[1]);
            } else if (pair[0].equals("v1")) {
                v1.add(pair[1]);
            }
        }
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 300, "t is the time of the attempt: " + t);
        String expected = hmac(secret, t + "." + delivery.body());
        return v1.stream().filter(expected::equals).toList();
    }

    private static JsonObject register(String body) {
        Http.Reply registered = http().post(WEBHOOKS, body, staff);
        assertEquals(201, registered.status(), registered.body());
        assertNotNull(registered.header("Location"));
        return registered.json();
    }

    private static JsonObject deliveryOf(String endpointId, String eventId) {
        JsonObject page = http().get(WEBHOOKS + "/" + endpointId + "/deliveries?size=100", staff).json();
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject).filter(d -> d.getString("eventId")
                .equals(eventId)).findFirst().orElse(null);
    }

    @Test
    void anOrderIsDeliveredSignedAfterRetriesLoggedReplayedAndSignedWithBothSecretsAfterARotation() {
        JsonObject endpoint = register("{\"url\":\"" + receiverUrl() + "\",\"eventTypes\":[\"OrderPlaced\","
                + "\"OrderCancelled\"],\"description\":\"ERP order feed\"}");
        String id = endpoint.getString("id");
        String secret = endpoint.getString("secret");
        assertTrue(secret.matches("whsec_[A-Za-z0-9_-]{43}"), secret);
        assertTrue(endpoint.getBoolean("enabled"));
        Http.Reply listed = http().get(WEBHOOKS, staff);
        assertEquals(200, listed.status(), listed.body());
        assertTrue(listed.body().contains(id));
        assertFalse(listed.body().contains(secret), "the secret is shown once");
        assertFalse(http().get(WEBHOOKS + "/" + id, staff).body().contains(secret), "the secret is shown once");

        // a real order through the public API
        String customer = UserApiIT.newSignedInCustomer().getString("access_token");
        String sku = Products.stockedSku("Webhook Kettle", 3_100, 3, staff);
        Http.Reply placed = OrderFlowIT.place(customer, UUID.randomUUID().toString(), OrderFlowIT.cartWith(customer,
                Map.of(sku, 1)), "tok_visa");
        assertEquals(201, placed.status(), placed.body());
        String orderId = placed.json().getString("id");

        Eventually.within(WAIT, "OrderPlaced of " + orderId + " answered 200 by the receiver", () -> receivedFor(
                "OrderPlaced", orderId).stream().anyMatch(r -> r.answered() == 200));
        List<Received> attempts = receivedFor("OrderPlaced", orderId);
        assertEquals(List.of(500, 500, 200), attempts.stream().map(Received::answered).toList());
        Received delivered = attempts.get(2);
        assertEquals("application/json", delivered.contentType());
        assertEquals(1, verifiedSignatures(delivered, secret).size(), "signed with the secret: " + delivered
                .signature());
        assertTrue(verifiedSignatures(delivered, "whsec_someone-else").isEmpty());
        JsonObject envelope = delivered.json();
        assertEquals(delivered.eventId(), envelope.getString("id"));
        assertEquals("OrderPlaced", envelope.getString("type"));
        assertEquals(1, envelope.getInt("schemaVersion"));
        assertEquals(orderId, envelope.getJsonObject("data").getString("orderId"));
        assertTrue(attempts.stream().allMatch(r -> r.eventId().equals(delivered.eventId()) && r.deliveryId().equals(
                delivered.deliveryId())), "every attempt is the same delivery of the same event");

        // the delivery log: three attempts, then DELIVERED
        String eventId = delivered.eventId();
        Eventually.within(Duration.ofSeconds(10), "the delivery logged as DELIVERED", () -> {
            JsonObject delivery = deliveryOf(id, eventId);
            return delivery != null && delivery.getString("status").equals("DELIVERED");
        });
        JsonObject delivery = deliveryOf(id, eventId);
        assertEquals(delivered.deliveryId(), delivery.getString("id"));
        assertEquals(3, delivery.getInt("attempts"));
        List<JsonObject> log = delivery.getJsonArray("log").getValuesAs(JsonObject.class);
        assertEquals(List.of(200, 500, 500), log.stream().map(a -> a.getInt("statusCode")).toList(), "newest first");
        assertEquals(List.of("DELIVERED", "PENDING", "PENDING"), log.stream().map(a -> a.getString("status"))
                .toList());
        Http.Reply detail = http().get(WEBHOOKS + "/" + id + "/deliveries/" + delivery.getString("id"), staff);
        assertEquals(200, detail.status(), detail.body());
        assertEquals(delivered.body(), detail.json().getString("payload"), "the log keeps the exact body sent");
        assertEquals(1, http().get(WEBHOOKS + "/" + id + "/deliveries?status=delivered", staff).json().getInt(
                "total"));

        // a replay: one more POST of the same event
        Http.Reply replayed = http().post(WEBHOOKS + "/" + id + "/deliveries/" + delivery.getString("id")
                + "/replay", "", staff);
        assertEquals(202, replayed.status(), replayed.body());
        Eventually.within(WAIT, "the replay received", () -> receivedFor("OrderPlaced", orderId).size() == 4);
        Received again = receivedFor("OrderPlaced", orderId).get(3);
        assertEquals(eventId, again.eventId());
        assertEquals(200, again.answered());
        Eventually.within(Duration.ofSeconds(10), "the replay logged", () -> deliveryOf(id, eventId).getInt(
                "attempts") == 4 && deliveryOf(id, eventId).getString("status").equals("DELIVERED"));
        assertFalse(deliveryOf(id, eventId).getJsonArray("log").getJsonObject(0).isNull("replayedBy"),
                "the replay names who asked");

        // a rotation: the next delivery is signed with the new and the old secret
        Http.Reply rotated = http().post(WEBHOOKS + "/" + id + "/secret", "", staff);
        assertEquals(200, rotated.status(), rotated.body());
        String newSecret = rotated.json().getString("secret");
        assertFalse(newSecret.equals(secret));
        assertFalse(rotated.json().isNull("previousSecretValidUntil"));
        Http.Reply cancelled = http().post("/orders/api/orders/" + orderId + "/cancel", "{\"reason\":\"webhook"
                + " test\"}", staff);
        assertEquals(200, cancelled.status(), cancelled.body());
        Eventually.within(WAIT, "OrderCancelled of " + orderId + " delivered", () -> receivedFor("OrderCancelled",
                orderId).stream().anyMatch(r -> r.answered() == 200));
        Received afterRotation = receivedFor("OrderCancelled", orderId).stream().filter(r -> r.answered() == 200)
                .findFirst().orElseThrow();
        assertEquals(1, verifiedSignatures(afterRotation, newSecret).size(), afterRotation.signature());
        assertEquals(1, verifiedSignatures(afterRotation, secret).size(), afterRotation.signature());
        assertEquals(3, afterRotation.signature().split(",").length, "t and two v1: " + afterRotation.signature());

        // disabled, then removed: nothing more is delivered to it
        Http.Reply disabled = http().patch(WEBHOOKS + "/" + id, "{\"enabled\":false}", staff);
        assertEquals(200, disabled.status(), disabled.body());
        assertFalse(disabled.json().getBoolean("enabled"));
        UserApiIT.assertProblem(http().post(WEBHOOKS + "/" + id + "/deliveries/" + delivery.getString("id")
                + "/replay", "", staff), 409);
        assertEquals(204, http().delete(WEBHOOKS + "/" + id, staff).status());
        assertEquals(404, http().get(WEBHOOKS + "/" + id, staff).status());
    }

    @Test
    void badRegistrationsAre400AndRegisterNothing() {
        long before = http().get(WEBHOOKS, staff).json().getInt("total");
        String[][] cases = {{"{\"url\":\"ftp://127.0.0.1/x\",\"eventTypes\":[\"OrderPlaced\"]}", "url"},
                {"{\"url\":\"/hooks/relative\",\"eventTypes\":[\"OrderPlaced\"]}", "url"},
                {"{\"url\":\"https://user:pw@erp.example.com/\",\"eventTypes\":[\"OrderPlaced\"]}", "url"},
                {"{\"url\":\"" + receiverUrl() + "\",\"eventTypes\":[\"OrderShipped\"]}", "eventTypes[0]"},
                {"{\"url\":\"" + receiverUrl() + "\",\"eventTypes\":[]}", "eventTypes"},
                {"{\"url\":\"" + receiverUrl() + "\",\"eventTypes\":\"OrderPlaced\"}", "eventTypes"},
                {"{\"url\":\"" + receiverUrl() + "\",\"eventTypes\":[\"*\"],\"secret\":\"mine\"}", "secret"},
                {"", null}};
        for (String[] c : cases) {
            Http.Reply refused = http().post(WEBHOOKS, c[0], staff);
            UserApiIT.assertProblem(refused, 400);
            if (c[1] != null) {
                assertTrue(refused.body().contains("\"" + c[1]), c[0] + " -> " + refused.body());
            }
        }
        assertEquals(before, http().get(WEBHOOKS, staff).json().getInt("total"), "nothing registered");
    }

    @Test
    void onlyStaffAndAdminsReachTheWebhooks() {
        String customer = UserApiIT.newSignedInCustomer().getString("access_token");
        String body = "{\"url\":\"" + receiverUrl() + "\",\"eventTypes\":[\"*\"]}";
        UserApiIT.assertProblem(http().post(WEBHOOKS, body, customer), 403);
        UserApiIT.assertProblem(http().get(WEBHOOKS, customer), 403);
        UserApiIT.assertProblem(http().post(WEBHOOKS, body, null), 401);
        UserApiIT.assertProblem(http().get(WEBHOOKS, null), 401);
    }
}
