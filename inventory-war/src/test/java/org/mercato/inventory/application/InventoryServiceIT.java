package org.mercato.inventory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.inventory.application.InventoryService.LineRequest;
import org.mercato.inventory.domain.InsufficientStockException;
import org.mercato.inventory.domain.InvalidStockRequestException;
import org.mercato.inventory.domain.ReservationConflictException;
import org.mercato.inventory.domain.ReservationStatus;
import org.mercato.inventory.domain.StockLevel;
import org.mercato.inventory.domain.StockListQuery;

/** Stock use cases on a real PostgreSQL: counts, adjustments, holds and their idempotency, expiry. */
class InventoryServiceIT {

    private static InventoryTestDatabase inventory;

    @BeforeAll
    static void start() throws Exception {
        inventory = new InventoryTestDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        inventory.close();
    }

    private static String newSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static StockLevel level(String sku) {
        return inventory.inTransaction(service -> service.levels(sku)).get(0);
    }

    @Test
    void reservingAgainForTheSameOrderHoldsNothingMore() {
        String sku = newSku();
        inventory.inTransaction(service -> service.setOnHand(sku, "MAIN", 10, "test", null));
        InventoryService.Hold first = inventory.inTransaction(service -> service.reserve("order-idem-" + sku,
                List.of(new LineRequest(sku, 3)), null));
        InventoryService.Hold again = inventory.inTransaction(service -> service.reserve("order-idem-" + sku,
                List.of(new LineRequest(sku, 3)), null));
        assertFalse(first.replay());
        assertTrue(again.replay());
        assertEquals(3, level(sku).reserved());
        assertThrows(ReservationConflictException.class, () -> inventory.inTransaction(
                service -> service.reserve("order-idem-" + sku, List.of(new LineRequest(sku, 4)), null)));
        assertEquals(3, level(sku).reserved());
    }

    @Test
    void commitDeductsOnceAndReleaseGivesBackOnce() {
        String sku = newSku();
        inventory.inTransaction(service -> service.setOnHand(sku, "MAIN", 10, "test", null));
        inventory.inTransaction(service -> service.reserve("order-c-" + sku, List.of(new LineRequest(sku, 4)), null));
        inventory.inTransaction(service -> service.commit("order-c-" + sku));
        inventory.inTransaction(service -> service.commit("order-c-" + sku));
        assertEquals(new StockLevel(sku, "MAIN", 6, 0), level(sku));
        assertThrows(ReservationConflictException.class,
                () -> inventory.inTransaction(service -> service.release("order-c-" + sku)));

        inventory.inTransaction(service -> service.reserve("order-r-" + sku, List.of(new LineRequest(sku, 5)), null));
        inventory.inTransaction(service -> service.release("order-r-" + sku));
        inventory.inTransaction(service -> service.release("order-r-" + sku));
        assertEquals(new StockLevel(sku, "MAIN", 6, 0), level(sku));
    }

    @Test
    void expiredHoldsGoBackOnSale() {
        String sku = newSku();
        inventory.inTransaction(service -> service.setOnHand(sku, "MAIN", 5, "test", null));
        inventory.inTransaction(service -> service.reserve("order-x-" + sku, List.of(new LineRequest(sku, 5)),
                Duration.ofSeconds(30)));
        assertEquals(0, level(sku).available());

        Clock original = inventory.clock;
        try {
            inventory.clock = Clock.fixed(Instant.now().plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
            int released = inventory.inTransaction(service -> service.releaseExpired(1000));
            assertTrue(released >= 1);
        } finally {
            inventory.clock = original;
        }
        assertEquals(5, level(sku).available());
        assertEquals(ReservationStatus.EXPIRED,
                inventory.inTransaction(service -> service.reservation("order-x-" + sku)).status());
        assertThrows(ReservationConflictException.class,
                () -> inventory.inTransaction(service -> service.commit("order-x-" + sku)));
    }

    @Test
    void adjustmentsNeverTakeStockBelowZeroOrBelowWhatIsHeld() {
        String sku = newSku();
        inventory.inTransaction(service -> service.adjust(sku, "MAIN", 3, null, "test", "delivery"));
        assertThrows(InsufficientStockException.class,
                () -> inventory.inTransaction(service -> service.adjust(sku, "MAIN", -4, null, "test", "loss")));
        inventory.inTransaction(service -> service.reserve("order-a-" + sku, List.of(new LineRequest(sku, 2)), null));
        assertThrows(InvalidStockRequestException.class,
                () -> inventory.inTransaction(service -> service.setOnHand(sku, "MAIN", 1, "test", "stocktake")));
        assertEquals(new StockLevel(sku, "MAIN", 3, 2), level(sku));
        assertThrows(InvalidStockRequestException.class,
                () -> inventory.inTransaction(service -> service.adjust(sku, "NOWHERE", 1, null, "test", null)));
    }

    @Test
    void adjustmentsNeverTakeOnHandPastTheCeilingOfASetting() {
        String sku = newSku();
        int max = InventoryService.MAX_QUANTITY;
        inventory.inTransaction(service -> service.adjust(sku, "MAIN", max - 1, null, "test", "delivery"));
        InvalidStockRequestException refused = assertThrows(InvalidStockRequestException.class,
                () -> inventory.inTransaction(service -> service.adjust(sku, "MAIN", 2, null, "test", "delivery")));
        assertTrue(refused.getMessage().contains("at most " + max), refused.getMessage());
        assertEquals(new StockLevel(sku, "MAIN", max - 1, 0), level(sku));
        inventory.inTransaction(service -> service.adjust(sku, "MAIN", 1, null, "test", "delivery"));
        assertEquals(new StockLevel(sku, "MAIN", max, 0), level(sku));
    }

    @Test
    void theLineLimitHoldsPerSkuHoweverManyLinesNameIt() {
        String sku = newSku();
        inventory.inTransaction(service -> service.adjust(sku, "MAIN", 5_000, null, "test", "delivery"));
        int half = InventoryService.MAX_LINE_QUANTITY;
        assertThrows(InvalidStockRequestException.class, () -> inventory.inTransaction(service -> service.reserve(
                "order-split-" + sku, List.of(new LineRequest(sku, half), new LineRequest(sku, 1)), null)));
        assertEquals(new StockLevel(sku, "MAIN", 5_000, 0), level(sku));
    }

    @Test
    void aFeedMessageIsAppliedOnce() {
        String sku = newSku();
        UUID eventId = UUID.randomUUID();
        boolean first = inventory.inTransaction(
                service -> service.adjustOnce(eventId, "StockAdjusted", sku, "MAIN", 7, "erp", "delivery"));
        boolean again = inventory.inTransaction(
                service -> service.adjustOnce(eventId, "StockAdjusted", sku, "MAIN", 7, "erp", "delivery"));
        assertTrue(first);
        assertFalse(again, "a redelivered message changes nothing");
        assertEquals(7, level(sku).onHand());
    }

    @Test
    void availabilityNewsFollowEveryChange() {
        String sku = newSku();
        inventory.events.changes.clear();
        inventory.inTransaction(service -> service.setOnHand(sku, "MAIN", 2, "test", null));
        inventory.inTransaction(service -> service.reserve("order-n-" + sku, List.of(new LineRequest(sku, 2)), null));
        inventory.inTransaction(service -> service.release("order-n-" + sku));
        assertEquals(List.of(new RecordedStockEvents.Change(sku, 0, 2), new RecordedStockEvents.Change(sku, 2, 0),
                new RecordedStockEvents.Change(sku, 0, 2)),
                inventory.events.changes.stream()
                        .filter(c -> c.sku().equals(sku)).toList());
    }

    @Test
    void demoStockGivesAProductsSkusTheirFirstStockOnceAndLeavesStockedOnesAlone() {
        String counted = newSku();
        String fresh = newSku();
        String none = newSku();
        inventory.inTransaction(service -> service.setOnHand(counted, "MAIN", 7, "staff@shop.test", "count"));
        inventory.events.changes.clear();
        java.util.Map<String, Integer> demo = new java.util.LinkedHashMap<>();
        demo.put(counted, 40);
        demo.put(fresh, 12);
        demo.put(none, 0);
        assertEquals(2, (int) inventory.inTransaction(service -> service.stockDemoSkus(demo)));
        assertEquals(7, level(counted).onHand(), "a count staff made is never overwritten");
        assertEquals(12, level(fresh).onHand());
        assertEquals(0, level(none).onHand());
        assertEquals(1L, (long) inventory.inTransaction(service -> service.countMovements(fresh)));
        assertEquals(List.of(new RecordedStockEvents.Change(fresh, 0, 12), new RecordedStockEvents.Change(none, 0,
                0)), inventory.events.changes.stream().filter(c -> demo.containsKey(c.sku())).toList());
        assertEquals(0, (int) inventory.inTransaction(service -> service.stockDemoSkus(demo)), "a redelivered event");
        assertEquals(12, level(fresh).onHand());
        assertEquals(1L, (long) inventory.inTransaction(service -> service.countMovements(fresh)));
        assertThrows(InvalidStockRequestException.class, () -> inventory.inTransaction(service -> service
                .stockDemoSkus(java.util.Map.of(newSku(), InventoryService.MAX_QUANTITY + 1))));
    }

    @Test
    void badRequestsChangeNothing() {
        String sku = newSku();
        inventory.inTransaction(service -> service.setOnHand(sku, "MAIN", 5, "test", null));
        for (List<LineRequest> lines : List.of(List.of(new LineRequest(sku, 0)), List.of(new LineRequest(sku, -1)),
                List.of(new LineRequest(sku, 1_000_000)), List.of(new LineRequest("not a sku", 1)),
                List.<LineRequest>of())) {
            assertThrows(InvalidStockRequestException.class,
                    () -> inventory.inTransaction(service -> service.reserve("order-bad-" + sku, lines, null)));
        }
        assertThrows(InsufficientStockException.class, () -> inventory.inTransaction(
                service -> service.reserve("order-bad-" + sku, List.of(new LineRequest(newSku(), 1)), null)));
        assertEquals(new StockLevel(sku, "MAIN", 5, 0), level(sku));
        assertEquals(0, inventory.count("select count(*) from reservation where order_id = 'order-bad-" + sku + "'"));
    }

    private static List<String> listed(StockListQuery query) {
        return inventory.inTransaction(service -> service.list(query)).items().stream()
                .map(level -> level.sku() + "@" + level.warehouse() + ":" + level.available()).toList();
    }

    @Test
    void staffListStockLevelsByPrefixLowStockAndSortedWithPaging() {
        String prefix = "LST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "_";
        inventory.db.inTransaction(em -> em.createNativeQuery("insert into warehouse (code, name) values (?1, ?2)"
                + " on conflict do nothing").setParameter(1, "EAST").setParameter(2, "East").executeUpdate());
        inventory.inTransaction(service -> service.setOnHand(prefix + "A", "MAIN", 10, "test", null));
        inventory.inTransaction(service -> service.setOnHand(prefix + "B", "MAIN", 3, "test", null));
        inventory.inTransaction(service -> service.setOnHand(prefix + "B", "EAST", 7, "test", null));
        inventory.inTransaction(service -> service.setOnHand(prefix + "C", "MAIN", 5, "test", null));
        inventory.inTransaction(service -> service.reserve("order-list-" + prefix, List.of(new LineRequest(prefix
                + "A", 8)), null));
        // a SKU whose name differs only where the prefix has "_": LIKE's wildcard must not match it
        String lookalike = prefix.substring(0, prefix.length() - 1) + "XA";
        inventory.inTransaction(service -> service.setOnHand(lookalike, "MAIN", 1, "test", null));

        assertEquals(List.of(prefix + "A@MAIN:2", prefix + "B@EAST:7", prefix + "B@MAIN:3", prefix + "C@MAIN:5"),
                listed(StockListQuery.of(prefix.toLowerCase(), null, 5, false, null, 0, 20)));
        assertEquals(4, inventory.inTransaction(service -> service.list(StockListQuery.of(prefix, null, 5, false,
                "sku", 0, 20))).total());
        assertEquals(List.of(prefix + "B@EAST:7", prefix + "C@MAIN:5", prefix + "B@MAIN:3", prefix + "A@MAIN:2"),
                listed(StockListQuery.of(prefix, null, 5, false, "-available", 0, 20)));
        assertEquals(List.of(prefix + "A@MAIN:2", prefix + "B@MAIN:3"),
                listed(StockListQuery.of(prefix, null, 5, true, "available", 0, 20)), "low: fewer than 5");
        assertEquals(List.of(prefix + "A@MAIN:2", prefix + "B@MAIN:3", prefix + "C@MAIN:5"),
                listed(StockListQuery.of(prefix, null, 6, true, "sku", 0, 20)), "threshold 6");
        // on hand in MAIN: A 10, C 5, B 3
        assertEquals(List.of(prefix + "C@MAIN:5", prefix + "B@MAIN:3"),
                listed(StockListQuery.of(prefix, "MAIN", 5, false, "-onHand", 1, 2)), "onHand desc, one skipped");
        assertEquals(List.of(prefix + "B@EAST:7"), listed(StockListQuery.of(prefix, "EAST", 5, false, null, 0, 20)));
        InventoryService.StockPage past = inventory.inTransaction(service -> service.list(StockListQuery.of(prefix,
                null, 5, false, null, 20, 20)));
        assertEquals(List.of(), past.items());
        assertEquals(4, past.total());
    }

    @Test
    void aBadStockListQueryNamesItsParameter() {
        assertEquals("sort", assertThrows(InvalidStockRequestException.class, () -> StockListQuery.of(null, null, 5,
                false, "price", 0, 20)).field());
        assertEquals("q", assertThrows(InvalidStockRequestException.class, () -> StockListQuery.of("a%", null, 5,
                false, null, 0, 20)).field());
        assertEquals("threshold", assertThrows(InvalidStockRequestException.class, () -> StockListQuery.of(null,
                null, 0, false, null, 0, 20)).field());
        assertEquals("warehouse", assertThrows(InvalidStockRequestException.class, () -> StockListQuery.of(null,
                "'; drop", 5, false, null, 0, 20)).field());
        assertEquals("warehouse", assertThrows(InvalidStockRequestException.class, () -> inventory.inTransaction(
                service -> service.list(StockListQuery.of(null, "NOWHERE", 5, false, null, 0, 20)))).field());
    }

    @Test
    void aCountMadeWhileAHoldIsGivenBackJudgesFromWhatTheGivingBackLeft() throws Exception {
        // the last unit held by an order; the hold is given back (the SKU is on sale again) while staff book the unit
        // as damaged: the damage must be judged from the given-back unit, so the SKU is announced sold out again
        String sku = newSku();
        inventory.inTransaction(service -> service.setOnHand(sku, "MAIN", 1, "test", null));
        inventory.inTransaction(service -> service.reserve("order-g-" + sku, List.of(new LineRequest(sku, 1)), null));
        java.util.concurrent.CountDownLatch givenBack = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> release = java.util.concurrent.CompletableFuture
                .runAsync(() -> inventory.inTransaction(service -> {
                    service.release("order-g-" + sku);
                    givenBack.countDown();
                    try {
                        assertTrue(commit.await(30, java.util.concurrent.TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                }));
        assertTrue(givenBack.await(10, java.util.concurrent.TimeUnit.SECONDS));
        java.util.concurrent.CompletableFuture<StockLevel> damage = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> inventory.inTransaction(
                        service -> service.adjust(sku, "MAIN", -1, null, "staff", "damaged")));
        // the damage is seen waiting for the SKU's row before the giving back commits
        inventory.db.awaitLockWaiter(null, Duration.ofSeconds(10));
        commit.countDown();
        release.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, damage.get(10, java.util.concurrent.TimeUnit.SECONDS).available());
        List<RecordedStockEvents.Change> changes = inventory.events.changes.stream()
                .filter(change -> change.sku().equals(sku)).toList();
        // stocked (0 -> 1), held (1 -> 0), given back (0 -> 1), damaged (1 -> 0): the last one tells the catalog
        assertEquals(new RecordedStockEvents.Change(sku, 1, 0), changes.get(changes.size() - 1), changes.toString());
    }

    @Test
    void aHoldArrivingAfterItsOrderWasReleasedHoldsNothing() {
        // the order gave up waiting for inventory and released; its hold request was still on the way
        String sku = newSku();
        inventory.inTransaction(service -> service.setOnHand(sku, "MAIN", 2, "test", null));
        String order = "order-late-" + sku;
        assertEquals(ReservationStatus.RELEASED, inventory.inTransaction(service -> service.release(order)).status());
        ReservationConflictException late = assertThrows(ReservationConflictException.class, () -> inventory
                .inTransaction(service -> service.reserve(order, List.of(new LineRequest(sku, 2)), null)));
        assertTrue(late.getMessage().contains("released before"), late.getMessage());
        assertEquals(new StockLevel(sku, "MAIN", 2, 0), level(sku));
        // releasing again changes nothing
        assertEquals(ReservationStatus.RELEASED, inventory.inTransaction(service -> service.release(order)).status());
        assertEquals(2L, (long) inventory.inTransaction(service -> service.available(sku)));
    }
}
