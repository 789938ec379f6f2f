package org.mercato.messaging.events;

import org.mercato.messaging.Topics;

/**
 * {@code StockAdjusted} v1 on {@code mercato.inventory}, published by external systems (ERP, warehouse): units
 * booked in ({@code quantity} > 0) or out (< 0) of a warehouse ({@code MAIN} when null). {@code reason} and
 * {@code source} may be null; they are recorded in the stock movement.
 */
public record StockAdjusted(String sku, Long quantity, @Nullable String warehouse, @Nullable String reason,
        @Nullable String source) {

    /** The {@code eventType} header, constant for message selectors. */
    public static final String TYPE = "StockAdjusted";
    public static final EventContract<StockAdjusted> CONTRACT = new EventContract<>(TYPE, 1,
            Topics.INVENTORY, StockAdjusted.class);

    public StockAdjusted {
        Required.text(sku, "sku");
        Required.present(quantity, "quantity");
    }
}
