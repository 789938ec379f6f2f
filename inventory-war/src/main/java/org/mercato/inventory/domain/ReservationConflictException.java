package org.mercato.inventory.domain;

/** The order already holds a different reservation, or the reservation is no longer in a state that allows this. */
public class ReservationConflictException extends InventoryException {

    private static final long serialVersionUID = 1L;

    public ReservationConflictException(String message) {
        super(message);
    }
}
