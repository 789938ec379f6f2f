package org.mercato.messaging.outbox;

import java.time.Clock;

import jakarta.persistence.EntityManager;

/**
 * The real outbox over a test's EntityManager, outside a container (the jar wires it by CDI only): lives in the
 * outbox's package to set what CDI would inject.
 */
public final class OutboxForTests {

    private OutboxForTests() {
    }

    public static Outbox over(EntityManager em, Clock clock) {
        Outbox outbox = new Outbox();
        outbox.em = em;
        outbox.clock = clock;
        return outbox;
    }
}
