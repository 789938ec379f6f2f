package org.mercato.examples.erpbridge;

/**
 * A message the bridge can never book, however often it is delivered: no event id, a schema version it does not know,
 * a body that is not the event's JSON. The bridge parks it on the topic's dead-letter queue with this reason.
 */
final class UnusableEvent extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason why the message can never be booked, in words an operator reads on the dead-letter queue */
    UnusableEvent(String reason) {
        super(reason);
    }
}
