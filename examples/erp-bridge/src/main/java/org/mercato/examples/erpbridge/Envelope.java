package org.mercato.examples.erpbridge;

/**
 * The names of Mercato's event envelope (docs/events.md, "Envelope") and of the topics this bridge uses. Every event
 * is a JMS text message with a JSON body and these properties.
 */
final class Envelope {

    /** String property: what happened, e.g. {@code OrderPlaced}; consumers select on it. */
    static final String EVENT_TYPE = "eventType";
    /** String property: the event's id (a UUID), the same on every delivery of one event. */
    static final String EVENT_ID = "eventId";
    /** String property: when it happened in the producing system, an ISO-8601 instant in UTC. */
    static final String OCCURRED_AT = "occurredAt";
    /** Int property: the version of the body's shape for its event type. */
    static final String SCHEMA_VERSION = "schemaVersion";
    /** String property on a message parked on a dead-letter queue: why it can never be applied. */
    static final String REJECTED_REASON = "mercatoRejectedReason";

    /** Where the order service announces {@code OrderPlaced} and {@code OrderCancelled}. */
    static final String ORDERS_TOPIC = "mercato.orders";
    /** Where inventory reads {@code StockAdjusted} from outside systems. */
    static final String INVENTORY_TOPIC = "mercato.inventory";
    /** The only body shape of the events this bridge reads and writes. */
    static final int KNOWN_SCHEMA_VERSION = 1;

    private Envelope() {
    }
}
