package org.mercato.messaging.events;

import org.mercato.messaging.Topics;

/** {@code StockLow} v1 on {@code mercato.inventory}: a SKU's available units dropped below the threshold. */
public record StockLow(String sku, Long available, Long threshold) {

    public static final EventContract<StockLow> CONTRACT = new EventContract<>("StockLow", 1, Topics.INVENTORY,
            StockLow.class);

    public StockLow {
        Required.text(sku, "sku");
        Required.present(available, "available");
        Required.present(threshold, "threshold");
    }
}
