package org.mercato.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.mercato.platform.money.Money;

/**
 * The shop's pricing rules: a flat shipping fee, free from a threshold, and a tax rate per destination country
 * (in basis points: 2000 = 20 %), charged on goods and shipping and rounded half up to the minor unit. A country
 * without a rate is not shipped to.
 */
public record OrderPricing(long shippingFee, long freeShippingFrom, Map<String, Integer> taxBasisPoints) {

    public OrderPricing {
        if (shippingFee < 0 || freeShippingFrom < 0) {
            throw new IllegalArgumentException("shipping amounts must not be negative");
        }
        taxBasisPoints = Map.copyOf(taxBasisPoints);
    }

    public boolean shipsTo(String country) {
        return country != null && taxBasisPoints.containsKey(country);
    }

    public Totals price(List<OrderLine> lines, String country) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        // Money.plus refuses a line in another currency: an order is priced in one
        Money goods = lines.stream().map(OrderLine::total).reduce(Money::plus).orElseThrow();
        String currency = goods.currency();
        long subtotal = goods.amount();
        Integer rate = country == null ? null : taxBasisPoints.get(country);
        if (rate == null) {
            throw new IllegalArgumentException("the shop does not ship to " + country);
        }
        long shipping = subtotal >= freeShippingFrom ? 0 : shippingFee;
        long tax = BigDecimal.valueOf(subtotal + shipping).multiply(BigDecimal.valueOf(rate))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
        return new Totals(new Money(subtotal, currency), new Money(shipping, currency), new Money(tax, currency),
                new Money(subtotal + shipping + tax, currency));
    }
}
