package org.mercato.inventory.domain;

import java.time.Instant;

/**
 * One line of the audit trail: what changed a stock level, by how much, what it was after, and who or what
 * caused it (a staff member, an order, an ERP message).
 */
public record StockMovement(String sku, String warehouse, Kind kind, int quantity, int onHandAfter,
        int reservedAfter, String reference, String actor, String reason, Instant occurredAt) {

    public enum Kind {
        /** Staff set the count (stocktake). */
        SET,
        /** Staff or an external system added or removed units. */
        ADJUST,
        /** Units held for an order. */
        RESERVE,
        /** Held units went back (release or expiry). */
        RELEASE,
        /** Held units left with the order. */
        COMMIT
    }
}
