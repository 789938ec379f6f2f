package org.mercato.inventory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stock levels, reservations and movements. Every change of a stock level is one conditional SQL statement, so
 * PostgreSQL (row locks and the table's CHECK constraints) guarantees that stock never goes negative and no unit
 * is held twice, however many requests and instances run at once.
 */
public interface StockRepository {

    List<StockLevel> levels(String sku);

    /** Which of {@code skus} have a stock level in any warehouse (one query). */
    java.util.Set<String> stockedSkus(java.util.Collection<String> skus);

    /**
     * Creates the SKU's first level in the warehouse with {@code onHand} units and nothing reserved; empty, and
     * nothing changed, if that level exists already (a concurrent count got there first).
     */
    Optional<StockLevel> insertLevel(String sku, String warehouse, int onHand, Instant now);

    /** Locks the level (SELECT ... FOR UPDATE) for a read-then-write by staff; empty if the SKU is not stocked there. */
    Optional<StockLevel> lockLevel(String sku, String warehouse);

    /**
     * Locks every level of the SKU (all warehouses) until the transaction ends, so that the units available before
     * a change are read as no other change can alter them any more (a read before the lock could miss a release
     * committed meanwhile, and the change then misjudge whether the SKU ran out or came back).
     */
    void lockLevels(String sku);

    boolean warehouseExists(String code);

    /** A page of stock levels, one per SKU and warehouse, filtered and ordered as the query says. */
    List<StockLevel> list(StockListQuery query);

    /** How many stock levels the query's filters match, on all pages. */
    long count(StockListQuery query);

    /** Sets on-hand units, creating the level if needed; refuses to go below what is reserved. */
    StockLevel setOnHand(String sku, String warehouse, int onHand, Instant now);

    /** Holds units if that warehouse still has them available; empty (and nothing changed) otherwise. */
    Optional<StockLevel> reserve(String sku, String warehouse, int quantity, Instant now);

    StockLevel unreserve(String sku, String warehouse, int quantity, Instant now);

    /** Held units leave the stock: on hand and reserved both drop. */
    StockLevel deduct(String sku, String warehouse, int quantity, Instant now);

    /** Units of the SKU that can be sold, over all warehouses. */
    long available(String sku);

    /** Creates the order's reservation (HELD, no lines yet) unless the order has one; false if it had. */
    boolean insertReservation(String orderId, Instant now, Instant expiresAt);

    Optional<Reservation> lockReservation(String orderId);

    void saveLines(String orderId, List<ReservationLine> lines);

    /** Held reservations past their expiry, locked, skipping those another instance is handling. */
    List<String> dueReservations(Instant now, int max);

    void record(StockMovement movement);

    /** A SKU's movements, newest first: {@code max} of them after skipping {@code offset}. */
    List<StockMovement> movements(String sku, int offset, int max);

    long countMovements(String sku);

    /** Records that a message was applied; false if it had been already (a redelivery). */
    boolean markProcessed(UUID eventId, String eventType, Instant now);
}
