package org.mercato.inventory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * Units held for one order (the order id is the key, which makes reserving idempotent). A hold either becomes a
 * deduction (commit) or goes back to the shelf (release, expiry); it never does both.
 */
@Entity
@Table(name = "reservation")
public class Reservation {

    @Id
    @Column(name = "order_id", length = 64)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReservationStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
    private List<ReservationLine> lines = new ArrayList<>();

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Reservation() {
        // for JPA
    }

    /** @return false if it was committed already (a repeated commit changes nothing) */
    public boolean commit(Instant now) {
        if (status == ReservationStatus.COMMITTED) {
            return false;
        }
        if (status != ReservationStatus.HELD) {
            throw new ReservationConflictException("reservation of order " + orderId + " is " + status
                    + " and can no longer be committed");
        }
        status = ReservationStatus.COMMITTED;
        updatedAt = now;
        return true;
    }

    /** @return false if it was given back already */
    public boolean release(Instant now, boolean expired) {
        if (status == ReservationStatus.RELEASED || status == ReservationStatus.EXPIRED) {
            return false;
        }
        if (status == ReservationStatus.COMMITTED) {
            throw new ReservationConflictException("reservation of order " + orderId
                    + " is committed: its units have left the stock");
        }
        status = expired ? ReservationStatus.EXPIRED : ReservationStatus.RELEASED;
        updatedAt = now;
        return true;
    }

    public boolean isExpiredAt(Instant now) {
        return status == ReservationStatus.HELD && !now.isBefore(expiresAt);
    }

    public String orderId() {
        return orderId;
    }

    public ReservationStatus status() {
        return status;
    }

    public List<ReservationLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
