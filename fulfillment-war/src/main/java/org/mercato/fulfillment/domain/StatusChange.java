package org.mercato.fulfillment.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of a shipment's history: from where to where, when, and who did it (a staff member or a service). */
@Embeddable
public class StatusChange {

    /** Null for the shipment's creation. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    private ShipmentStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    private ShipmentStatus to;

    @Column(name = "changed_at", nullable = false)
    private Instant at;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(length = 300)
    private String note;

    protected StatusChange() {
        // for JPA
    }

    StatusChange(ShipmentStatus from, ShipmentStatus to, Instant at, String actor, String note) {
        this.from = from;
        this.to = to;
        this.at = at;
        this.actor = actor;
        this.note = note;
    }

    public ShipmentStatus from() {
        return from;
    }

    public ShipmentStatus to() {
        return to;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    /** Why, when someone said (a cancellation's reason), else null. */
    public String note() {
        return note;
    }
}
