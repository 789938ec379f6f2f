package org.mercato.inventory.infrastructure;

import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.inventory.application.StockEvents;
import org.mercato.messaging.events.StockAvailabilityChanged;
import org.mercato.messaging.events.StockLow;
import org.mercato.messaging.outbox.Outbox;

/**
 * Stock news for other services, saved in the changing transaction (the outbox): StockAvailabilityChanged when a
 * SKU runs out or comes back, StockLow when it drops below the threshold ({@code mercato.inventory.low-stock}).
 * Also keeps the availability cache from ever claiming more than the database.
 */
@ApplicationScoped
public class OutboxStockEvents implements StockEvents {

    private static final Logger LOG = Logger.getLogger(OutboxStockEvents.class.getName());

    @Inject
    Outbox outbox;

    @Inject
    AvailabilityCache cache;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "mercato.inventory.low-stock", defaultValue = "5")
    long lowStock;

    @Override
    public void availabilityChanged(String sku, long before, long after) {
        if (after < before) {
            cache.lower(sku, after);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare
            }

            @Override
            public void afterCompletion(int status) {
                cache.evict(sku);
            }
        });
        if ((before > 0) != (after > 0)) {
            outbox.add(StockAvailabilityChanged.CONTRACT, new StockAvailabilityChanged(sku, after > 0, after));
        }
        if (before >= lowStock && after < lowStock) {
            LOG.info(() -> "Stock of " + sku + " is low: " + after + " available (threshold " + lowStock + ")");
            outbox.add(StockLow.CONTRACT, new StockLow(sku, after, lowStock));
        }
    }
}
