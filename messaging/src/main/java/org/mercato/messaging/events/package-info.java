/**
 * The typed contracts of Mercato's events (docs/events.md, docs/asyncapi.yaml): one record per event type and
 * schema version, written and read with JSON-B by every producer and consumer through {@link
 * org.mercato.messaging.events.EventJson}. Money is in minor units with an ISO 4217 currency code; instants are
 * ISO-8601 UTC. Optional fields are written as JSON {@code null}; required ones are checked when a body is read,
 * so a malformed event is rejected (dead-lettered) instead of misread.
 */
package org.mercato.messaging.events;
