package org.mercato.inventory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.mercato.inventory.application.InventoryService.LineRequest;
import org.mercato.inventory.domain.InsufficientStockException;
import org.mercato.inventory.domain.StockLevel;

/**
 * The oversell guarantee on a real PostgreSQL: many orders racing for the last units, each in its own
 * transaction and connection, as several inventory instances would.
 */
class ReservationConcurrencyIT {

    private static final int THREADS = 32;
    private static InventoryTestDatabase inventory;

    @BeforeAll
    static void start() throws Exception {
        inventory = new InventoryTestDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        inventory.close();
    }

    /** Runs the orders all at once (released together by a latch) and counts who got their units. */
    private static int race(int orders, java.util.function.IntFunction<List<LineRequest>> lines) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < orders; i++) {
            int order = i;
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    inventory.inTransaction(service -> service.reserve("order-" + run + "-" + order,
                            lines.apply(order), null));
                    won.incrementAndGet();
                } catch (InsufficientStockException e) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(orders, won.get() + refused.get(), "every order got an answer");
        return won.get();
    }

    private static StockLevel level(String sku) {
        return inventory.inTransaction(service -> service.levels(sku)).get(0);
    }

    @RepeatedTest(10)
    void twoHundredOrdersForFiftyUnitsSellExactlyFifty() throws Exception {
        String sku = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        inventory.inTransaction(service -> service.setOnHand(sku, "MAIN", 50, "test", "stocktake"));

        int won = race(200, order -> List.of(new LineRequest(sku, 1)));

        assertEquals(50, won, "exactly the units on hand are sold");
        StockLevel after = level(sku);
        assertEquals(50, after.onHand());
        assertEquals(50, after.reserved());
        assertEquals(0, after.available());
        assertEquals(0, inventory.count("select count(*) from stock_level where reserved > on_hand or on_hand < 0"));
        assertEquals(50, inventory.count("select count(*) from stock_movement where kind = 'RESERVE' and sku = '"
                + sku + "'"), "one movement per hold");
    }

    @Test
    void ordersOfSeveralLinesGetAllOrNothing() throws Exception {
        String plenty = "PLENTY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String scarce = "SCARCE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        inventory.inTransaction(service -> service.setOnHand(plenty, "MAIN", 100, "test", null));
        inventory.inTransaction(service -> service.setOnHand(scarce, "MAIN", 10, "test", null));

        // half the orders list the lines one way round, half the other: no deadlock, no partial hold
        int won = race(60, order -> order % 2 == 0
                ? List.of(new LineRequest(plenty, 2), new LineRequest(scarce, 1))
                : List.of(new LineRequest(scarce, 1), new LineRequest(plenty, 2)));

        assertEquals(10, won);
        assertEquals(20, level(plenty).reserved(), "a refused order holds none of its lines");
        assertEquals(10, level(scarce).reserved());
        assertTrue(level(scarce).available() == 0);
    }
}
