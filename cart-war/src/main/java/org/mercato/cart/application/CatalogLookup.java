package org.mercato.cart.application;

import java.util.Collection;
import java.util.Map;

import org.mercato.platform.money.Money;

/** Port to the catalog: what SKUs are called and cost now. */
public interface CatalogLookup {

    record SkuInfo(String sku, String name, Money price, boolean sellable) {
    }

    /**
     * @return the known SKUs among those asked (unknown ones are absent)
     * @throws DependencyUnavailableException when the catalog does not answer in time
     */
    Map<String, SkuInfo> lookup(Collection<String> skus);
}
