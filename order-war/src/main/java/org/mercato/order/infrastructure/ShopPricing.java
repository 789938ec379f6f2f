package org.mercato.order.infrastructure;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.order.domain.OrderPricing;

/**
 * The shop's pricing rules from configuration: MERCATO_SHOP_CURRENCY, MERCATO_SHOP_PRICES_INCLUDE_TAX (true: the
 * catalogue prices and the shipping fee are gross, the default of a euro shop), MERCATO_ORDERS_SHIPPING_FEE and
 * MERCATO_ORDERS_FREE_SHIPPING_FROM (minor units), MERCATO_ORDERS_TAX_RATES ("DE:1900,FR:2000,...", basis points per
 * country shipped to).
 */
@ApplicationScoped
public class ShopPricing {

    private static final Logger LOG = Logger.getLogger(ShopPricing.class.getName());

    @Inject
    @ConfigProperty(name = "mercato.shop.currency", defaultValue = "EUR")
    String currency;

    @Inject
    @ConfigProperty(name = "mercato.shop.prices-include-tax", defaultValue = "true")
    boolean pricesIncludeTax;

    @Inject
    @ConfigProperty(name = "mercato.orders.shipping-fee", defaultValue = "495")
    long shippingFee;

    @Inject
    @ConfigProperty(name = "mercato.orders.free-shipping-from", defaultValue = "5000")
    long freeShippingFrom;

    @Inject
    @ConfigProperty(name = "mercato.orders.tax-rates")
    String taxRates;

    // a pseudo-scope: a record cannot be proxied, and one instance serves the whole application
    @Produces
    @Singleton
    OrderPricing pricing() {
        OrderPricing pricing = new OrderPricing(currency, shippingFee, freeShippingFrom, parse(taxRates),
                pricesIncludeTax);
        LOG.info(() -> "Pricing in " + currency + (pricesIncludeTax ? ", prices include tax" : ", tax added to prices")
                + ": shipping " + shippingFee + " free from " + freeShippingFrom
                + ", ships to "
                + pricing.taxBasisPoints().keySet().stream().sorted().toList());
        return pricing;
    }

    static Map<String, Integer> parse(String rates) {
        Map<String, Integer> parsed = new HashMap<>();
        for (String entry : rates.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 2 || !parts[0].trim().matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("mercato.orders.tax-rates: '" + entry
                        + "' is not COUNTRY:basisPoints (e.g. DE:1900)");
            }
            int basisPoints = Integer.parseInt(parts[1].trim());
            if (basisPoints < 0 || basisPoints > 10_000) {
                throw new IllegalArgumentException("mercato.orders.tax-rates: " + parts[0] + " must be 0..10000");
            }
            parsed.put(parts[0].trim(), basisPoints);
        }
        return parsed;
    }
}
