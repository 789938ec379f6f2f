package org.mercato.inventory.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;
import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.events.EventContract;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.StockAvailabilityChanged;
import org.mercato.messaging.events.StockLow;
import org.mercato.messaging.outbox.Outbox;

/** Which stock changes are news, as the contracts' records and as the JSON text the catalog reads back. */
class OutboxStockEventsTest {

    /** An outbox that keeps what it is given. */
    private static final class KeptEvents extends Outbox {
        final List<EventContract<?>> contracts = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        @Override
        public <T extends Record> EventHeaders add(EventContract<T> contract, T body) {
            contracts.add(contract);
            bodies.add(EventJson.write(body));
            return EventHeaders.newEvent(contract.eventType(), contract.schemaVersion(), Instant.EPOCH);
        }
    }

    private final KeptEvents outbox = new KeptEvents();

    private OutboxStockEvents events() {
        OutboxStockEvents events = new OutboxStockEvents();
        events.outbox = outbox;
        events.lowStock = 5;
        events.cache = new AvailabilityCache() {
            @Override
            public void lower(String sku, long available) {
            }

            @Override
            public void evict(String sku) {
            }
        };
        events.transactions = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(getClass()
                .getClassLoader(), new Class<?>[]{TransactionSynchronizationRegistry.class},
                (proxy, method,
                        args) -> null);
        return events;
    }

    @Test
    void runningOutIsAnnouncedAndSoIsDroppingBelowTheThreshold() {
        events().availabilityChanged("MC-1", 6, 0);
        assertEquals(List.of(StockAvailabilityChanged.CONTRACT, StockLow.CONTRACT), outbox.contracts);
        assertEquals(new StockAvailabilityChanged("MC-1", false, 0L), EventJson.read(outbox.bodies.get(0),
                StockAvailabilityChanged.CONTRACT));
        assertEquals(new StockLow("MC-1", 0L, 5L), EventJson.read(outbox.bodies.get(1), StockLow.CONTRACT));
        assertTrue(outbox.bodies.get(0).contains("\"inStock\":false"), outbox.bodies.get(0));
    }

    @Test
    void comingBackIsAnnouncedWithTheUnitsAvailable() {
        events().availabilityChanged("MC-1", 0, 7);
        assertEquals(List.of(StockAvailabilityChanged.CONTRACT), outbox.contracts);
        assertEquals(new StockAvailabilityChanged("MC-1", true, 7L), EventJson.read(outbox.bodies.get(0),
                StockAvailabilityChanged.CONTRACT));
    }

    @Test
    void changesThatCrossNothingAreNoNews() {
        OutboxStockEvents events = events();
        events.availabilityChanged("MC-1", 9, 6);
        events.availabilityChanged("MC-1", 4, 3);
        events.availabilityChanged("MC-1", 3, 8);
        assertEquals(List.of(), outbox.contracts);
    }
}
