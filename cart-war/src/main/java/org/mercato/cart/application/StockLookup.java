package org.mercato.cart.application;

import java.util.Collection;
import java.util.Map;

/** Port to inventory: how many units of each SKU can be bought now. */
public interface StockLookup {

    /** @throws DependencyUnavailableException when inventory does not answer in time */
    Map<String, Long> available(Collection<String> skus);
}
