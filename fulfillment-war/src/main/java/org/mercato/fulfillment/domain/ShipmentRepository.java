package org.mercato.fulfillment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Shipments in the service's database. */
public interface ShipmentRepository {

    Optional<Shipment> find(UUID id);

    /** Locked for a step: two staff members (or staff and the demo warehouse) never both move one shipment. */
    Optional<Shipment> lock(UUID id);

    Optional<Shipment> forOrder(String orderId);

    /** The order's shipment, locked for a step. */
    Optional<Shipment> lockForOrder(String orderId);

    /**
     * Until the current transaction ends, no other transaction (on any instance) works on this order's shipment:
     * two deliveries of OrderPlaced, or OrderPlaced and OrderCancelled, are applied one after the other.
     */
    void lockOrder(String orderId);

    void add(Shipment shipment);

    boolean trackingNumberTaken(String trackingNumber);

    /** Newest first; either filter may be null. */
    List<Shipment> search(ShipmentStatus status, String orderId, int offset, int limit);

    long count(ShipmentStatus status, String orderId);

    /**
     * Claims up to {@code max} NEW shipments created at or before {@code createdBefore}, oldest first, locking them
     * for the current transaction and skipping any another transaction holds: several instances share the work.
     */
    List<UUID> claimNew(Instant createdBefore, int max);

    /** Remembers an order cancelled before its shipment existed, so a late OrderPlaced ships nothing. */
    void recordCancelledBeforeShipment(String orderId, String reason, Instant at);

    boolean cancelledBeforeShipment(String orderId);
}
