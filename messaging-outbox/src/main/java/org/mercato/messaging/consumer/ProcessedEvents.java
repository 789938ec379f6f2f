package org.mercato.messaging.consumer;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The events this service has applied, in its own database ({@code processed_event}). Recording an id in the
 * transaction of the effect makes the effect happen once however often the message is delivered: a second
 * delivery finds the id and does nothing, and if the effect rolls back the id goes with it.
 */
@ApplicationScoped
public class ProcessedEvents {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** @return true the first time this event id is seen (the caller applies it now), false for a repeat */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(UUID eventId, String eventType) {
        // ON CONFLICT DO NOTHING waits for a concurrent insert of the same id to finish, then counts 0: two
        // deliveries racing each other cannot both apply
        return em.createNativeQuery("insert into processed_event (event_id, event_type, processed_at)"
                + " values (?1, ?2, ?3) on conflict (event_id) do nothing").setParameter(1, eventId)
                .setParameter(2, eventType).setParameter(3, java.sql.Timestamp.from(clock.instant()))
                .executeUpdate() == 1;
    }
}
