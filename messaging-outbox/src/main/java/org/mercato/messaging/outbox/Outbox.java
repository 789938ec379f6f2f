package org.mercato.messaging.outbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.events.EventContract;
import org.mercato.messaging.events.EventJson;

/** Where a service's use cases put the events of a change: in the change's own transaction (mandatory). */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Saves an event of a typed contract (its topic, type and schema version) for publication once the current
     * transaction commits; the body is written with JSON-B ({@link EventJson}). Returns its headers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Record> EventHeaders add(EventContract<T> contract, T body) {
        return add(contract.topic(), contract.eventType(), contract.schemaVersion(), EventJson.write(body));
    }

    /** Saves an event for publication once the current transaction commits; returns its headers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventHeaders add(String topic, String eventType, int schemaVersion, String jsonBody) {
        EventHeaders headers = EventHeaders.newEvent(eventType, schemaVersion, clock.instant());
        em.persist(OutboxMessage.of(topic, headers, jsonBody));
        return headers;
    }
}
