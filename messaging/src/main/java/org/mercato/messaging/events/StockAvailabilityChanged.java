package org.mercato.messaging.events;

import org.mercato.messaging.Topics;

/**
 * {@code StockAvailabilityChanged} v1 on {@code mercato.inventory}: a SKU's available quantity went from 0 to
 * more or back to 0. {@code available} (units when it occurred) may be null.
 */
public record StockAvailabilityChanged(String sku, Boolean inStock, @Nullable Long available) {

    /** The {@code eventType} header, constant for message selectors. */
    public static final String TYPE = "StockAvailabilityChanged";
    public static final EventContract<StockAvailabilityChanged> CONTRACT = new EventContract<>(TYPE, 1,
            Topics.INVENTORY, StockAvailabilityChanged.class);

    public StockAvailabilityChanged {
        Required.text(sku, "sku");
        Required.present(inStock, "inStock");
    }
}
