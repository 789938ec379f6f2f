package org.mercato.fulfillment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.fulfillment.FulfillmentTestDatabase;
import org.mercato.fulfillment.FulfillmentTestDatabase.OutboxRow;
import org.mercato.fulfillment.application.FulfillmentService.CancelOutcome;
import org.mercato.fulfillment.domain.FulfillmentException;
import org.mercato.fulfillment.domain.IllegalShipmentStepException;
import org.mercato.fulfillment.domain.Recipient;
import org.mercato.fulfillment.domain.Shipment;
import org.mercato.fulfillment.domain.ShipmentLine;
import org.mercato.fulfillment.domain.ShipmentStatus;
import org.mercato.fulfillment.domain.ShippingAddress;
import org.mercato.fulfillment.domain.StatusChange;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.ShipmentCreated;
import org.mercato.messaging.events.ShipmentDispatched;

/** Fulfillment use cases on a real PostgreSQL with the real outbox: shipments once per order, events as documented. */
class FulfillmentServiceIT {

    private static FulfillmentTestDatabase fulfillment;

    @BeforeAll
    static void start() throws Exception {
        fulfillment = new FulfillmentTestDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        fulfillment.close();
    }

    @BeforeEach
    void presentTime() {
        fulfillment.clock = Clock.systemUTC();
    }

    static NewShipment order(String orderId) {
        return new NewShipment(orderId, new Recipient("ada@example.com", "Ada Lovelace"),
                new ShippingAddress("Ada Lovelace", "1 Analytical Row", null, "London", "N1 1AA", "GB"),
                List.of(new ShipmentLine("MC-7KQ2ZP", "Sonora Crème Headphones 319", 2),
                        new ShipmentLine("MC-AB12CD", "Cable", 1)));
    }

    private static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    private static Shipment placed(String orderId) {
        return fulfillment.inTransaction(s -> s.orderPlaced(order(orderId))).orElseThrow();
    }

    private static long shipmentsOf(String orderId) {
        return fulfillment.count("select count(*) from shipment where order_id = ?1", orderId);
    }

    private static Shipment reload(UUID id) {
        return fulfillment.inTransaction(s -> s.shipment(id));
    }

    @Test
    void theMessagingTablesAreMigratedWithTheServicesOwn() {
        assertEquals(2, fulfillment.count("select count(*) from information_schema.tables where table_name in"
                + " ('outbox_message', 'processed_event')"));
        assertEquals(4, fulfillment.count("select count(*) from information_schema.tables where table_name in"
                + " ('shipment', 'shipment_line', 'shipment_status_change', 'cancelled_order')"));
    }

    @Test
    void orderPlacedCreatesOneShipmentAndAnnouncesIt() {
        String orderId = newOrderId();
        Shipment shipment = placed(orderId);
        assertEquals(ShipmentStatus.NEW, shipment.status());
        assertEquals(1, shipmentsOf(orderId));

        Shipment stored = reload(shipment.id());
        assertEquals(orderId, stored.orderId());
        assertEquals(List.of("MC-7KQ2ZP", "MC-AB12CD"), stored.lines().stream().map(ShipmentLine::sku).toList());
        assertEquals(2, stored.lines().get(0).quantity());
        assertEquals("Sonora Crème Headphones 319", stored.lines().get(0).name());
        assertEquals("ada@example.com", stored.recipient().email());
        assertNull(stored.shippingAddress().line2());
        assertEquals("GB", stored.shippingAddress().country());
        assertEquals(1, stored.history().size());
        assertEquals("orders", stored.history().get(0).actor());

        List<OutboxRow> created = fulfillment.outbox("ShipmentCreated", orderId);
        assertEquals(1, created.size());
        assertEquals("mercato.fulfillment", created.get(0).topic());
        assertEquals(1, created.get(0).schemaVersion());
        JsonObject body = created.get(0).body();
        assertEquals(Set.of("shipmentId", "orderId", "createdAt"), body.keySet());
        assertEquals(shipment.id().toString(), body.getString("shipmentId"));
        assertEquals(orderId, body.getString("orderId"));
        assertEquals(stored.createdAt(), Instant.parse(body.getString("createdAt")));
        // and it reads back as its contract, as the order service reads it
        assertEquals(new ShipmentCreated(shipment.id().toString(), orderId, stored.createdAt()), EventJson.read(
                body.toString(), ShipmentCreated.CONTRACT));
    }

    @Test
    void aSecondOrderPlacedForTheSameOrderCreatesNothingMore() {
        String orderId = newOrderId();
        Shipment first = placed(orderId);
        assertEquals(Optional.empty(), fulfillment.inTransaction(s -> s.orderPlaced(order(orderId))));
        assertEquals(1, shipmentsOf(orderId));
        assertEquals(1, fulfillment.outbox("ShipmentCreated", orderId).size());
        assertEquals(ShipmentStatus.NEW, reload(first.id()).status());
    }

    @Test
    void concurrentOrderPlacedForOneOrderMakeOneShipment() throws Exception {
        for (int round = 0; round < 5; round++) {
            String orderId = newOrderId();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return fulfillment.inTransaction(s -> s.orderPlaced(order(orderId))).isPresent();
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Boolean> result : results) {
                // a unique-constraint failure would surface here as an ExecutionException
                created += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, created);
            assertEquals(1, shipmentsOf(orderId));
            assertEquals(1, fulfillment.outbox("ShipmentCreated", orderId).size());
        }
    }

    @Test
    void dispatchIssuesATrackingNumberAndPublishesTheDocumentedShipmentDispatched() {
        String orderId = newOrderId();
        UUID id = placed(orderId).id();
        fulfillment.inTransaction(s -> s.pick(id, "picker@mercato.test"));
        fulfillment.inTransaction(s -> s.pack(id, "packer@mercato.test"));
        Shipment dispatched = fulfillment.inTransaction(s -> s.dispatch(id, "packer@mercato.test"));

        Shipment stored = reload(id);
        assertEquals(ShipmentStatus.DISPATCHED, stored.status());
        assertTrue(stored.trackingNumber().matches("MP\\d{10}"), stored.trackingNumber());
        assertEquals(dispatched.trackingNumber(), stored.trackingNumber());
        assertEquals("Mercato Post", stored.carrier());
        assertEquals(List.of(ShipmentStatus.NEW, ShipmentStatus.PICKED, ShipmentStatus.PACKED,
                ShipmentStatus.DISPATCHED), stored.history().stream().map(StatusChange::to).toList());
        assertEquals(List.of("orders", "picker@mercato.test", "packer@mercato.test", "packer@mercato.test"),
                stored.history().stream().map(StatusChange::actor).toList());

        List<OutboxRow> rows = fulfillment.outbox("ShipmentDispatched", orderId);
        assertEquals(1, rows.size());
        assertEquals("mercato.fulfillment", rows.get(0).topic());
        assertEquals(1, rows.get(0).schemaVersion());
        JsonObject body = rows.get(0).body();
        assertEquals(Set.of("shipmentId", "orderId", "carrier", "trackingNumber", "dispatchedAt", "recipient",
                "shippingAddress", "lines"), body.keySet());
        assertEquals(id.toString(), body.getString("shipmentId"));
        assertEquals(orderId, body.getString("orderId"));
        assertEquals("Mercato Post", body.getString("carrier"));
        assertEquals(stored.trackingNumber(), body.getString("trackingNumber"));
        assertEquals(stored.dispatchedAt(), Instant.parse(body.getString("dispatchedAt")));
        JsonObject recipient = body.getJsonObject("recipient");
        assertEquals(Set.of("email", "name"), recipient.keySet());
        assertEquals("ada@example.com", recipient.getString("email"));
        assertEquals("Ada Lovelace", recipient.getString("name"));
        JsonObject address = body.getJsonObject("shippingAddress");
        assertEquals(Set.of("name", "line1", "line2", "city", "postalCode", "country"), address.keySet());
        assertEquals(JsonValue.NULL, address.get("line2"));
        assertEquals("1 Analytical Row", address.getString("line1"));
        assertEquals("N1 1AA", address.getString("postalCode"));
        assertEquals("GB", address.getString("country"));
        assertEquals(2, body.getJsonArray("lines").size());
        JsonObject line = body.getJsonArray("lines").getJsonObject(0);
        assertEquals(Set.of("sku", "name", "quantity"), line.keySet());
        assertEquals("MC-7KQ2ZP", line.getString("sku"));
        assertEquals("Sonora Crème Headphones 319", line.getString("name"));
        assertEquals(2, line.getInt("quantity"));
        ShipmentDispatched read = EventJson.read(body.toString(), ShipmentDispatched.CONTRACT);
        assertEquals(new ShipmentDispatched.Recipient("ada@example.com", "Ada Lovelace"), read.recipient());
        assertEquals(stored.dispatchedAt(), read.dispatchedAt());
        assertEquals(2, read.lines().size());
    }

    @Test
    void anIllegalStepIsRefusedAndChangesNothing() {
        String orderId = newOrderId();
        UUID id = placed(orderId).id();
        IllegalShipmentStepException refused = assertThrows(IllegalShipmentStepException.class,
                () -> fulfillment.inTransaction(s -> s.dispatch(id, "staff")));
        assertEquals(409, refused.status());
        assertThrows(IllegalShipmentStepException.class, () -> fulfillment.inTransaction(s -> s.pack(id, "staff")));
        Shipment stored = reload(id);
        assertEquals(ShipmentStatus.NEW, stored.status());
        assertEquals(1, stored.history().size());
        assertNull(stored.trackingNumber());
        assertEquals(0, fulfillment.outbox("ShipmentDispatched", orderId).size());

        UUID unknown = UUID.randomUUID();
        assertEquals(404, assertThrows(FulfillmentException.class,
                () -> fulfillment.inTransaction(s -> s.pick(unknown, "staff"))).status());
        assertEquals(404, assertThrows(FulfillmentException.class,
                () -> fulfillment.inTransaction(s -> s.shipment(unknown))).status());
    }

    @Test
    void orderCancelledStopsAShipmentStillInTheWarehouse() {
        String orderId = newOrderId();
        UUID id = placed(orderId).id();
        fulfillment.inTransaction(s -> s.pick(id, "picker@mercato.test"));
        assertEquals(CancelOutcome.CANCELLED, fulfillment.inTransaction(s -> s.orderCancelled(orderId,
                "customer asked", "staff@example.com")));
        Shipment stored = reload(id);
        assertEquals(ShipmentStatus.CANCELLED, stored.status());
        StatusChange last = stored.history().get(stored.history().size() - 1);
        assertEquals(ShipmentStatus.PICKED, last.from());
        assertEquals("staff@example.com", last.actor());
        assertEquals("order cancelled: customer asked", last.note());

        // the same cancellation again, and any step after it, change nothing
        assertEquals(CancelOutcome.ALREADY_CANCELLED, fulfillment.inTransaction(s -> s.orderCancelled(orderId,
                null, null)));
        assertThrows(IllegalShipmentStepException.class, () -> fulfillment.inTransaction(s -> s.pack(id, "x")));
        assertEquals(3, reload(id).history().size());
        assertEquals(0, fulfillment.outbox("ShipmentDispatched", orderId).size());
    }

    @Test
    void orderCancelledAfterDispatchLeavesTheParcelWithTheCarrier() {
        String orderId = newOrderId();
        UUID id = placed(orderId).id();
        fulfillment.inTransaction(s -> s.pick(id, "staff"));
        fulfillment.inTransaction(s -> s.pack(id, "staff"));
        String tracking = fulfillment.inTransaction(s -> s.dispatch(id, "staff")).trackingNumber();
        assertEquals(CancelOutcome.ALREADY_DISPATCHED, fulfillment.inTransaction(s -> s.orderCancelled(orderId,
                "too late", "staff@example.com")));
        Shipment stored = reload(id);
        assertEquals(ShipmentStatus.DISPATCHED, stored.status());
        assertEquals(tracking, stored.trackingNumber());
        assertEquals(4, stored.history().size());
        assertEquals(1, fulfillment.outbox("ShipmentDispatched", orderId).size());
    }

    @Test
    void anOrderCancelledBeforeItsShipmentExistedShipsNothing() {
        String orderId = newOrderId();
        assertEquals(CancelOutcome.NO_SHIPMENT_YET, fulfillment.inTransaction(s -> s.orderCancelled(orderId,
                "customer asked", null)));
        assertEquals(CancelOutcome.NO_SHIPMENT_YET, fulfillment.inTransaction(s -> s.orderCancelled(orderId,
                null, null)));
        assertEquals(Optional.empty(), fulfillment.inTransaction(s -> s.orderPlaced(order(orderId))));
        assertEquals(0, shipmentsOf(orderId));
        assertEquals(0, fulfillment.outbox("ShipmentCreated", orderId).size());
    }

    @Test
    void staffCancelAShipmentOnceAndNotAfterDispatch() {
        UUID open = placed(newOrderId()).id();
        Shipment cancelled = fulfillment.inTransaction(s -> s.cancel(open, "staff@mercato.test", "damaged"));
        assertEquals(ShipmentStatus.CANCELLED, cancelled.status());
        assertEquals(409, assertThrows(IllegalShipmentStepException.class,
                () -> fulfillment.inTransaction(s -> s.cancel(open, "staff@mercato.test", null))).status());

        UUID gone = placed(newOrderId()).id();
        fulfillment.inTransaction(s -> s.pick(gone, "staff"));
        fulfillment.inTransaction(s -> s.pack(gone, "staff"));
        fulfillment.inTransaction(s -> s.dispatch(gone, "staff"));
        fulfillment.inTransaction(s -> s.deliver(gone, "carrier"));
        assertThrows(IllegalShipmentStepException.class,
                () -> fulfillment.inTransaction(s -> s.cancel(gone, "staff", null)));
        assertEquals(ShipmentStatus.DELIVERED, reload(gone).status());
    }

    @Test
    void staffFindShipmentsByStatusAndOrderPageByPage() {
        String orderId = newOrderId();
        UUID id = placed(orderId).id();
        FulfillmentService.Page byOrder = fulfillment.inTransaction(s -> s.search(null, orderId, 0, 20));
        assertEquals(1, byOrder.total());
        assertEquals(id, byOrder.items().get(0).id());
        assertEquals(2, byOrder.items().get(0).lines().size());
        assertEquals(0, fulfillment.inTransaction(s -> s.search(ShipmentStatus.PICKED, orderId, 0, 20)).total());
        fulfillment.inTransaction(s -> s.pick(id, "staff"));
        assertEquals(1, fulfillment.inTransaction(s -> s.search(ShipmentStatus.PICKED, orderId, 0, 20)).total());

        for (int i = 0; i < 3; i++) {
            placed(newOrderId());
        }
        long all = fulfillment.count("select count(*) from shipment");
        FulfillmentService.Page first = fulfillment.inTransaction(s -> s.search(null, null, 0, 2));
        FulfillmentService.Page second = fulfillment.inTransaction(s -> s.search(null, null, 1, 2));
        assertEquals(all, first.total());
        assertEquals(2, first.items().size());
        assertEquals(2, second.items().size());
        Set<UUID> seen = new HashSet<>();
        first.items().forEach(s -> seen.add(s.id()));
        second.items().forEach(s -> seen.add(s.id()));
        assertEquals(4, seen.size(), "pages do not overlap");
        assertFalse(first.items().get(0).createdAt().isBefore(first.items().get(1).createdAt()), "newest first");
        FulfillmentService.Page beyond = fulfillment.inTransaction(s -> s.search(null, null, Integer.MAX_VALUE,
                100));
        assertEquals(0, beyond.items().size());
        assertEquals(all, beyond.total());
    }

    /**
     * Shipments created long before every other test's (which are created now), so a demo warehouse pass at that
     * time sees only them. Each demo test has its own year and leaves nothing NEW for a test of a later year.
     */
    private static List<UUID> placedAt(int count, Instant at) {
        fulfillment.clock = Clock.fixed(at, ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(placed(newOrderId()).id());
        }
        return ids;
    }

    @Test
    void theDemoWarehouseDispatchesOnlyShipmentsThatWaitedLongEnough() {
        Instant t0 = Instant.parse("2001-01-01T00:00:00Z");
        List<UUID> old = placedAt(2, t0);
        List<UUID> young = placedAt(1, t0.plusSeconds(50));
        UUID picked = placedAt(1, t0).get(0);
        fulfillment.inTransaction(s -> s.pick(picked, "staff"));

        fulfillment.clock = Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC);
        List<Shipment> dispatched = fulfillment.inTransaction(s -> s.dispatchDue(Duration.ofSeconds(30), 20));
        assertEquals(Set.copyOf(old), Set.copyOf(dispatched.stream().map(Shipment::id).toList()));
        for (UUID id : old) {
            Shipment shipment = reload(id);
            assertEquals(ShipmentStatus.DISPATCHED, shipment.status());
            assertEquals(List.of("orders", "demo-warehouse", "demo-warehouse", "demo-warehouse"),
                    shipment.history().stream().map(StatusChange::actor).toList());
            assertEquals(1, fulfillment.outbox("ShipmentDispatched", shipment.orderId()).size());
            assertEquals(shipment.trackingNumber(), fulfillment.outbox("ShipmentDispatched", shipment.orderId())
                    .get(0).body().getString("trackingNumber"));
        }
        assertEquals(ShipmentStatus.NEW, reload(young.get(0)).status(), "not waited long enough");
        assertEquals(ShipmentStatus.PICKED, reload(picked).status(), "staff are working on it: not NEW");
        assertNotEquals(reload(old.get(0)).trackingNumber(), reload(old.get(1)).trackingNumber());
        assertEquals(List.of(), fulfillment.inTransaction(s -> s.dispatchDue(Duration.ofSeconds(30), 20)),
                "nothing is dispatched twice");
    }

    @Test
    void twoDemoWarehousesNeverClaimTheSameShipment() throws Exception {
        Instant t0 = Instant.parse("1999-06-01T00:00:00Z");
        List<UUID> waiting = placedAt(6, t0);
        fulfillment.clock = Clock.fixed(t0.plusSeconds(120), ZoneOffset.UTC);
        CountDownLatch firstHoldsItsRows = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<List<UUID>> first = pool.submit(() -> fulfillment.inTransaction(s -> {
            List<UUID> ids = s.dispatchDue(Duration.ofSeconds(30), 2).stream().map(Shipment::id).toList();
            firstHoldsItsRows.countDown();
            try {
                // keep the transaction, and the rows it claimed, open while the second warehouse runs
                secondDone.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids;
        }));
        assertTrue(firstHoldsItsRows.await(20, TimeUnit.SECONDS));
        List<UUID> second;
        try {
            second = fulfillment.inTransaction(s -> s.dispatchDue(Duration.ofSeconds(30), 20)).stream()
                    .map(Shipment::id).toList();
        } finally {
            secondDone.countDown();
        }
        List<UUID> firsts = first.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(2, firsts.size());
        assertEquals(4, second.size(), "the second skips what the first holds, without waiting for it");
        Set<UUID> all = new HashSet<>(firsts);
        all.addAll(second);
        assertEquals(Set.copyOf(waiting), all);
        for (UUID id : waiting) {
            Shipment shipment = reload(id);
            assertEquals(ShipmentStatus.DISPATCHED, shipment.status());
            assertEquals(4, shipment.history().size());
            assertEquals(1, fulfillment.outbox("ShipmentDispatched", shipment.orderId()).size());
        }
    }
}
