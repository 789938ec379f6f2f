package org.mercato.messaging.events;

import org.mercato.messaging.Topics;

/** {@code StockLow} v1 on {@code mercato.inventory}: a SKU's available units dropped below the threshold. */
public record StockLow(String sku, Long available, Long threshold) {

    /** The {@code eventType} header, constant for message selectors. */
    public static final String TYPE = "StockLow";
    public static final EventContract<StockLow> CONTRACT = new EventContract<>(TYPE, 1, Topics.INVENTORY,
            StockLow.class);

    public StockLow {
        Required.text(sku, "sku");
        Required.present(available, "available");
        Required.present(threshold, "threshold");
    }
}
