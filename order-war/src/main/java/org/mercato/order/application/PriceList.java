package org.mercato.order.application;

import java.util.Collection;
import java.util.Map;

import org.mercato.platform.money.Money;

/** The catalog side: today's name, price and saleability of SKUs (the cart's prices are never trusted). */
public interface PriceList {

    record PricedSku(String sku, String name, Money price, boolean sellable) {
    }

    /** @return the SKUs the catalog knows; unknown ones are absent */
    Map<String, PricedSku> prices(Collection<String> skus);
}
