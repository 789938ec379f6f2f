package org.mercato.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.mercato.platform.money.CurrencyNotAcceptedException;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

/**
 * The shop's pricing rules: one currency (upper-case ISO 4217) in which every line, the shipping fee and the tax
 * are priced, a flat shipping fee, free from a threshold (both in minor units), and a tax rate per destination
 * country (in basis points: 2000 = 20 %), charged on goods and shipping and rounded half up to the minor unit. A
 * country without a rate is not shipped to. An order's total is at most {@link #MAX_ORDER_TOTAL}.
 */
public record OrderPricing(String currency, long shippingFee, long freeShippingFrom,
        Map<String, Integer> taxBasisPoints) {

    /** Largest order total, in minor units (1,000,000.00 in a two-decimal currency): the largest charge. */
    public static final long MAX_ORDER_TOTAL = 100_000_000L;

    public OrderPricing {
        if (currency == null || !Money.isCurrency(currency)) {
            throw new IllegalArgumentException("the shop currency must be an upper-case ISO 4217 code");
        }
        if (shippingFee < 0 || freeShippingFrom < 0) {
            throw new IllegalArgumentException("shipping amounts must not be negative");
        }
        taxBasisPoints = Map.copyOf(taxBasisPoints);
    }

    public boolean shipsTo(String country) {
        return country != null && taxBasisPoints.containsKey(country);
    }

    /**
     * @throws CurrencyNotAcceptedException when a line is priced in another currency than the shop's
     * @throws MoneyLimitException when the total passes {@link #MAX_ORDER_TOTAL}
     */
    public Totals price(List<OrderLine> lines, String country) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        for (OrderLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new CurrencyNotAcceptedException(line.unitPrice().currency(), currency);
            }
        }
        Money goods = lines.stream().map(OrderLine::total).reduce(Money::plus).orElseThrow();
        long subtotal = goods.amount();
        Integer rate = country == null ? null : taxBasisPoints.get(country);
        if (rate == null) {
            throw new IllegalArgumentException("the shop does not ship to " + country);
        }
        long shipping = subtotal >= freeShippingFrom ? 0 : shippingFee;
        long tax = BigDecimal.valueOf(subtotal + shipping).multiply(BigDecimal.valueOf(rate))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
        long total = subtotal + shipping + tax;
        if (total > MAX_ORDER_TOTAL) {
            throw new MoneyLimitException("an order's total must be at most " + MAX_ORDER_TOTAL + " minor units ("
                    + total + " asked)");
        }
        return new Totals(new Money(subtotal, currency), new Money(shipping, currency), new Money(tax, currency),
                new Money(total, currency));
    }
}
