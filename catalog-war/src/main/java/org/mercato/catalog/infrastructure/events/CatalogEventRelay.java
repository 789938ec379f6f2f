package org.mercato.catalog.infrastructure.events;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.mercato.messaging.outbox.OutboxRelay;

/**
 * Publishes the catalog's outbox, one pass per transaction: due rows are claimed (locked), each is handed to the
 * broker by {@link CatalogEventPublisher}, then marked sent when the pass commits. A crash in between sends a
 * row again (consumers deduplicate by event id) and never loses it.
 */
@ApplicationScoped
public class CatalogEventRelay {

    static final int BATCH = 200;

    @Inject
    CatalogEventPublisher publisher;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public OutboxRelay.Pass relayOnce() {
        return OutboxRelay.relay(em, publisher::publish, BATCH, clock.instant());
    }

    /** Sent events are kept a week (to answer "was it sent?"), then deleted. */
    @Transactional
    public int purgeSent() {
        return OutboxRelay.purgeSent(em, clock.instant().minus(java.time.Duration.ofDays(7)));
    }
}
