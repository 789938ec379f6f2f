package org.mercato.inventory.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.mercato.inventory.infrastructure.JpaStockRepository;
import org.mercato.platform.testing.PostgresUnit;

/** Runs inventory use cases against a real PostgreSQL, each call in its own transaction, as the container does. */
final class InventoryTestDatabase implements AutoCloseable {

    final PostgresUnit db;
    final RecordedStockEvents events = new RecordedStockEvents();
    Clock clock = Clock.systemUTC();

    InventoryTestDatabase() throws Exception {
        db = PostgresUnit.start("inventory-it", "inventory", InventoryTestDatabase.class.getClassLoader());
    }

    <T> T inTransaction(Function<InventoryService, T> work) {
        List<T> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(work.apply(new InventoryService(new JpaStockRepository(em), events,
                clock))));
        return result.get(0);
    }

    long count(String sql) {
        List<Long> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(((Number) em.createNativeQuery(sql).getSingleResult()).longValue()));
        return result.get(0);
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
