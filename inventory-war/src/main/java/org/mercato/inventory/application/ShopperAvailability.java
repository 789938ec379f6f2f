package org.mercato.inventory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a shopper is shown as available for a SKU: the cached figure when there is one, else the database's, then
 * cached. It may lag a change by the cache's few seconds, never showing more than a committed change left (see
 * the cache); reservations never use it.
 */
@ApplicationScoped
public class ShopperAvailability {

    @Inject
    AvailabilityReads cache;

    @Inject
    InventoryService inventory;

    /**
     * @return units available to sell, summed over warehouses
     * @throws org.mercato.inventory.domain.InvalidStockRequestException for a malformed SKU
     */
    public long available(String sku) {
        return cache.cached(sku).orElseGet(() -> {
            long fresh = inventory.available(sku);
            cache.remember(sku, fresh);
            return fresh;
        });
    }
}
