package org.mercato.messaging.outbox;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * One relay pass per transaction over the service's own database: due rows are claimed (locked), each is handed
 * to the broker by {@link OutboxPublisher}, then marked sent when the pass commits. A crash in between sends a
 * row again (consumers deduplicate by event id) and never loses it.
 */
@ApplicationScoped
public class OutboxRelayService {

    static final int BATCH = 200;
    static final Duration KEEP_SENT = Duration.ofDays(7);

    @Inject
    OutboxPublisher publisher;

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
        return OutboxRelay.purgeSent(em, clock.instant().minus(KEEP_SENT));
    }

    /** What waits in the outbox now: pending, retrying, the oldest one's age. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OutboxRelay.Backlog backlog() {
        return OutboxRelay.backlog(em, clock.instant());
    }

    /** Events not yet published (an operator's first question during a broker outage). */
    @Transactional
    public long pending() {
        return OutboxRelay.pending(em);
    }
}
