package org.mercato.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Revenue per order in minor units, rounded half up to a whole minor unit; 0 when there were no orders. */
public final class AverageOrderValue {

    private AverageOrderValue() {
    }

    public static long of(long revenue, long orders) {
        if (orders < 0) {
            throw new IllegalArgumentException("orders must not be negative");
        }
        if (orders == 0) {
            return 0;
        }
        return BigDecimal.valueOf(revenue).divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
