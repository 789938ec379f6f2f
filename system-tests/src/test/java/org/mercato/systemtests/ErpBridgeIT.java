package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example integration examples/erp-bridge as an integrator runs it: its jar in a JVM of its own against the
 * platform's broker. It books a real order and that order's cancellation into its ledger, keeps what arrives while it
 * is stopped (its own durable subscription), parks a message it cannot read on the dead-letter queue, and its
 * {@code book-in} raises a SKU's stock through {@code StockAdjusted}.
 */
@ExtendWith(PlatformExtension.class)
class ErpBridgeIT {

    /** The outbox relay, the broker and a second JVM between an order and the ledger: generous on two cores. */
    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    private static Http http() {
        return PlatformExtension.http();
    }

    @Test
    void theBridgeBooksOrdersKeepsWhatArrivesWhileItIsAwayAndBooksGoodsIn() throws Exception {
        String staff = PlatformExtension.staffToken();
        String sku = Products.stockedSku("ERP Crate", 1500, 10, staff);
        String deliveredSku = Products.stockedSku("ERP Pallet", 4000, 2, staff);
        Process bridge = null;
        boolean unsubscribed = false;
        try {
            bridge = listen("bridge-1.log");

            // a real order: OrderPlaced in the ledger with its lines and what was charged
            String customer = UserApiIT.newSignedInCustomer().getString("access_token");
            Http.Reply placed = OrderFlowIT.place(customer, UUID.randomUUID().toString(), OrderFlowIT.cartWith(
                    customer, Map.of(sku, 2)), "tok_visa");
            assertEquals(201, placed.status(), placed.body());
            String first = placed.json().getString("id");
            Eventually.within(EVENT_WAIT, "the bridge booked OrderPlaced of " + first, () -> entry("OrderPlaced",
                    first) != null);
            JsonObject booked = entry("OrderPlaced", first);
            assertEquals(sku, booked.getJsonArray("lines").getJsonObject(0).getString("sku"), booked.toString());
            assertEquals(2, booked.getJsonArray("lines").getJsonObject(0).getInt("quantity"), booked.toString());
            assertEquals(placed.json().getJsonObject("total").getInt("amount"), booked.getJsonObject("total").getInt(
                    "amount"), booked.toString());
            assertEquals("EUR", booked.getJsonObject("total").getString("currency"));

            // staff cancel it: OrderCancelled in the ledger with the reason
            Http.Reply cancelled = http().post("/orders/api/orders/" + first + "/cancel",
                    "{\"reason\":\"ERP bridge test\"}", staff);
            assertEquals(200, cancelled.status(), cancelled.body());
            Eventually.within(EVENT_WAIT, "the bridge booked OrderCancelled of " + first, () -> entry(
                    "OrderCancelled", first) != null);
            assertEquals("ERP bridge test", entry("OrderCancelled", first).getString("reason"));

            // a message it cannot read is parked on DLQ.mercato.orders with its reason, and the feed carries on
            try (BrokerClient broker = new BrokerClient()) {
                String unreadable = UUID.randomUUID().toString();
                try (MessageConsumer parked = broker.deadLetters("DLQ.mercato.orders", "eventId = '" + unreadable
                        + "' AND mercatoRejectedReason LIKE 'erp-bridge:%'")) {
                    broker.publish("mercato.orders", "OrderCancelled", "this is not JSON {", unreadable, Instant
                            .now());
                    Message message = parked.receive(EVENT_WAIT.toMillis());
                    assertNotNull(message, "the bridge parked the message it could not read");
                }
            }

            // stopped (SIGTERM): it finishes what it holds and says so; an order placed meanwhile waits for it
            stop(bridge, "bridge-1.log");
            bridge = null;
            Http.Reply whileAway = OrderFlowIT.place(customer, UUID.randomUUID().toString(), OrderFlowIT.cartWith(
                    customer, Map.of(sku, 1)), "tok_visa");
            assertEquals(201, whileAway.status(), whileAway.body());
            String second = whileAway.json().getString("id");
            // its OrderPlaced is on the broker (inventory has applied it) before the bridge is back
            Eventually.within(EVENT_WAIT, "inventory committed the reservation of " + second, () -> "COMMITTED"
                    .equals(http().get("/inventory/api/reservations/" + second, staff).json().getString("status")));
            bridge = listen("bridge-2.log");
            Eventually.within(EVENT_WAIT, "the bridge, back, booked OrderPlaced of " + second
                    + " placed while it was away", () -> entry("OrderPlaced", second) != null);
            List<JsonObject> entries = ledger();
            assertEquals(entries.size(), entries.stream().map(e -> e.getString("eventId")).distinct().count(),
                    "each event booked once: " + entries);

            // goods received: book-in publishes StockAdjusted and inventory raises the stock
            int before = available(deliveredSku, staff);
            Process bookIn = start("book-in.log", "book-in", deliveredSku, "7", "MAIN", "ERP bridge delivery 4711",
                    "--correlation-id=erp-bridge-it-" + UUID.randomUUID());
            awaitExit(bookIn, "book-in.log", 0);
            assertTrue(log("book-in.log").contains("Published StockAdjusted event"), log("book-in.log"));
            Eventually.within(EVENT_WAIT, "inventory applied the delivery of 7 units of " + deliveredSku,
                    () -> available(deliveredSku, staff) == before + 7);

            // retired: the subscription is removed, so the broker keeps no orders for a bridge that is gone
            stop(bridge, "bridge-2.log");
            bridge = null;
            Process unsubscribe = start("unsubscribe.log", "unsubscribe");
            awaitExit(unsubscribe, "unsubscribe.log", 0);
            unsubscribed = true;
        } finally {
            if (bridge != null) {
                bridge.destroy();
                if (!bridge.waitFor(30, TimeUnit.SECONDS)) {
                    bridge.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            if (!unsubscribed) {
                // the test failed on the way: remove the subscription all the same (its outcome is not the point)
                Process cleanUp = start("unsubscribe-after-failure.log", "unsubscribe");
                if (!cleanUp.waitFor(60, TimeUnit.SECONDS)) {
                    cleanUp.destroyForcibly();
                }
            }
            // what the bridge said, beside the platform's output in the test report
            try (var logs = Files.list(folder)) {
                for (Path file : logs.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                    log(file.getFileName().toString()).lines().forEach(line -> System.out.println("[erp-bridge "
                            + file.getFileName() + "] " + line));
                }
            }
        }
    }

    /** The bridge listening, once its log says it is subscribed. */
    private Process listen(String logName) throws IOException {
        Process bridge = start(logName);
        Eventually.within(EVENT_WAIT, "the bridge subscribed (" + logName + ")", () -> {
            if (!bridge.isAlive()) {
                fail("the bridge ended with status " + bridge.exitValue() + ": " + log(logName));
            }
            return log(logName).contains("Subscribed to mercato.orders as 'erp-bridge-orders'");
        });
        return bridge;
    }

    /** Stops a listening bridge as a service manager does (SIGTERM) and checks it stopped in good order. */
    private void stop(Process bridge, String logName) throws InterruptedException {
        bridge.destroy();
        if (!bridge.waitFor(30, TimeUnit.SECONDS)) {
            bridge.destroyForcibly();
            fail("the bridge did not stop within 30 s of SIGTERM: " + log(logName));
        }
        assertTrue(log(logName).contains("INFO Stopped;"), log(logName));
    }

    private void awaitExit(Process process, String logName, int status) throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(logName + ": no exit within 60 s: " + log(logName));
        }
        assertEquals(status, process.exitValue(), log(logName));
    }

    /** The bridge's jar (the module examples/erp-bridge) in a JVM of its own, its output in the test's folder. */
    private Process start(String logName, String... command) throws IOException {
        Path jar = Path
                .of(System.getProperty("mercato.erp-bridge.jar", "../examples/erp-bridge/target/erp-bridge.jar"));
        assertTrue(Files.isRegularFile(jar), "the bridge's jar, built by the module examples/erp-bridge: " + jar);
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-jar", jar.toAbsolutePath().toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(logName).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ERP_BRIDGE_"));
        builder.environment().put("ERP_BRIDGE_BROKER_URL", "tcp://127.0.0.1:" + PlatformExtension.platform()
                .brokerPort());
        builder.environment().put("ERP_BRIDGE_LEDGER", folder.resolve("ledger.jsonl").toString());
        return builder.start();
    }

    private String log(String logName) {
        try {
            Path file = folder.resolve(logName);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ledger's entries; a line still being written is left for the next look. */
    private List<JsonObject> ledger() {
        Path file = folder.resolve("ledger.jsonl");
        List<JsonObject> entries = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return entries;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    entries.add(Json.createReader(new StringReader(line)).readObject());
                } catch (JsonException e) {
                    // cut short: being written now
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private JsonObject entry(String eventType, String orderId) {
        return ledger().stream().filter(e -> eventType.equals(e.getString("eventType")) && orderId.equals(e
                .getString("orderId"))).findFirst().orElse(null);
    }

    private static int available(String sku, String staff) {
        Http.Reply reply = http().get("/inventory/api/stock/" + sku, staff);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getInt("available");
    }
}
