package org.mercato.order.application;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The inventory side: hold the order's units all-or-nothing, then let them go if the order fails. */
public interface StockReservations {

    record Line(String sku, int quantity) {
    }

    /** @param shortage what inventory said was missing, or null when every line is held */
    record Outcome(String shortage) {
        public boolean held() {
            return shortage == null;
        }
    }

    /** Idempotent by order id. */
    Outcome reserve(UUID orderId, List<Line> lines, Duration hold);

    /** Idempotent; an unknown reservation is no error. */
    void release(UUID orderId);
}
