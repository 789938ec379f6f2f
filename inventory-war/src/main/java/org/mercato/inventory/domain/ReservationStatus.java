package org.mercato.inventory.domain;

public enum ReservationStatus {
    /** Units set aside for the order until it pays or the hold expires. */
    HELD,
    /** The order is placed: the units left the stock. */
    COMMITTED,
    /** Given back (order failed or cancelled before shipping). */
    RELEASED,
    /** Given back by the expiry job: the order never completed. */
    EXPIRED
}
