package org.mercato.cart.infrastructure;

import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The event ids the cart has applied, in the data grid (the cart has no database for messaging-outbox's
 * {@code processed_event}): a redelivered or re-published event found here changes nothing, so a late duplicate
 * {@code OrderPlaced} does not empty the cart its customer has filled again since. Ids are kept for
 * {@value #KEEP_DAYS} days, far longer than the broker's redeliveries or an outbox's re-send after a crash.
 */
@ApplicationScoped
public class GridProcessedEvents {

    static final String PROCESSED = "mercato-cart-processed-events";
    static final int KEEP_DAYS = 7;

    @Inject
    HazelcastInstance grid;

    private IMap<String, Boolean> processed;

    protected GridProcessedEvents() {
        // for CDI
    }

    public GridProcessedEvents(HazelcastInstance grid) {
        this.grid = grid;
        open();
    }

    @PostConstruct
    void open() {
        try {
            grid.getConfig().addMapConfig(new MapConfig(PROCESSED).setBackupCount(1));
        } catch (RuntimeException sameConfigElsewhere) {
            // configured already by another member or an earlier deployment
        }
        processed = grid.getMap(PROCESSED);
    }

    /** Whether the event was applied here before. */
    public boolean applied(String eventId) {
        return processed.containsKey(eventId);
    }

    /** Records the event as applied, after its effect (a crash in between only repeats a harmless effect). */
    public void record(String eventId) {
        processed.set(eventId, Boolean.TRUE, KEEP_DAYS, TimeUnit.DAYS);
    }
}
