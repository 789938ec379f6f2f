package org.mercato.inventory.application;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The stock-events port for tests outside the container: remembers what would have been announced. */
final class RecordedStockEvents implements StockEvents {

    record Change(String sku, long before, long after) {
    }

    final List<Change> changes = new CopyOnWriteArrayList<>();

    @Override
    public void availabilityChanged(String sku, long availableBefore, long availableAfter) {
        changes.add(new Change(sku, availableBefore, availableAfter));
    }
}
