package org.mercato.fulfillment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The parcel for one paid order and its way through the warehouse: picked, packed, handed to a carrier with a
 * tracking number. Every step goes through {@link #moveTo}, which refuses illegal ones ({@link ShipmentStatus})
 * and records each with its time and actor; use cases call the named steps, never set a status.
 */
@Entity
@Table(name = "shipment")
public class Shipment {

    public static final int MAX_LINES = 500;

    @Id
    private UUID id;

    /** One shipment per order: the database refuses a second one. */
    @Column(name = "order_id", nullable = false, unique = true, length = 64)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ShipmentStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_line", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "position")
    private List<ShipmentLine> lines = new ArrayList<>();

    @Embedded
    private Recipient recipient;

    @Embedded
    private ShippingAddress shippingAddress;

    @Column(length = 100)
    private String carrier;

    @Column(name = "tracking_number", unique = true, length = 40)
    private String trackingNumber;

    /** In order of the steps: several steps can share one instant (the demo warehouse does all three at once). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_status_change", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "position")
    private List<StatusChange> history = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Version
    private long version;

    protected Shipment() {
        // for JPA
    }

    /**
     * A new shipment for a paid order, waiting to be picked.
     *
     * @throws IllegalArgumentException if the order id is missing or too long, or there are no lines or too many
     */
    public static Shipment create(String orderId, Recipient recipient, ShippingAddress address,
            List<ShipmentLine> lines, String actor, Instant now) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = Texts.require("orderId", orderId, 64);
        if (recipient == null || address == null) {
            throw new IllegalArgumentException("a shipment needs a recipient and a shipping address");
        }
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a shipment has between 1 and " + MAX_LINES + " lines");
        }
        shipment.recipient = recipient;
        shipment.shippingAddress = address;
        shipment.lines.addAll(lines);
        shipment.status = ShipmentStatus.NEW;
        shipment.createdAt = now;
        shipment.updatedAt = now;
        shipment.history.add(new StatusChange(null, ShipmentStatus.NEW, now, actor(actor), null));
        return shipment;
    }

    private void moveTo(ShipmentStatus target, String actor, String note, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalShipmentStepException(id, status, target);
        }
        history.add(new StatusChange(status, target, at, actor(actor), Texts.clip(note, 300)));
        status = target;
        updatedAt = at;
    }

    public void pick(String actor, Instant at) {
        moveTo(ShipmentStatus.PICKED, actor, null, at);
    }

    public void pack(String actor, Instant at) {
        moveTo(ShipmentStatus.PACKED, actor, null, at);
    }

    /** Handed to the carrier under its tracking number; from now on it cannot be cancelled. */
    public void dispatch(String carrierName, String tracking, String actor, Instant at) {
        String checkedCarrier = Texts.require("carrier", carrierName, 100);
        String checkedTracking = Texts.require("tracking number", tracking, 40);
        moveTo(ShipmentStatus.DISPATCHED, actor, checkedCarrier + " " + checkedTracking, at);
        carrier = checkedCarrier;
        trackingNumber = checkedTracking;
        dispatchedAt = at;
    }

    public void deliver(String actor, Instant at) {
        moveTo(ShipmentStatus.DELIVERED, actor, null, at);
    }

    /** Stopped while still in the warehouse (NEW, PICKED or PACKED); the units go back on the shelf. */
    public void cancel(String actor, String reason, Instant at) {
        moveTo(ShipmentStatus.CANCELLED, actor, reason, at);
    }

    private static String actor(String actor) {
        String clipped = Texts.clip(actor, 200);
        if (clipped == null) {
            throw new IllegalArgumentException("every step names who took it");
        }
        return clipped;
    }

    public UUID id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public ShipmentStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public List<ShipmentLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public Recipient recipient() {
        return recipient;
    }

    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    /** Null until dispatched. */
    public String carrier() {
        return carrier;
    }

    /** Null until dispatched. */
    public String trackingNumber() {
        return trackingNumber;
    }

    public List<StatusChange> history() {
        return Collections.unmodifiableList(history);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Null until dispatched. */
    public Instant dispatchedAt() {
        return dispatchedAt;
    }
}
