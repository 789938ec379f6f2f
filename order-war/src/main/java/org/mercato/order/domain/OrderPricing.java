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
 * are priced, a flat shipping fee, free from a threshold of the goods' subtotal (both in minor units), and a tax
 * rate per destination country (in basis points: 2000 = 20 %). A country without a rate is not shipped to. An
 * order's total is at most {@link #MAX_ORDER_TOTAL}.
 * <p>
 * {@code pricesIncludeTax} says how catalogue prices and the shipping fee are meant. True (a euro shop): they are
 * gross, the total is goods plus shipping, and the tax is the part of it the rate makes up, {@code gross * rate /
 * (10000 + rate)}. False: they are net and the tax, {@code net * rate / 10000}, is added on top. Either way the tax
 * is computed once on goods and shipping together and rounded half up to the minor unit.
 */
public record OrderPricing(String currency, long shippingFee, long freeShippingFrom,
        Map<String, Integer> taxBasisPoints, boolean pricesIncludeTax) {

    /** Largest order total, in minor units (1,000,000.00 in a two-decimal currency): the largest charge. */
    public static final long MAX_ORDER_TOTAL = 100_000_000L;

    /** A rate of 100 %, in basis points. */
    static final int FULL_RATE = 10_000;

    /**
     * @throws IllegalArgumentException for a currency that is not an ISO 4217 code, negative shipping amounts, a
     *             shipping fee above {@link #MAX_ORDER_TOTAL}, or a tax rate outside 0..10000 basis points
     */
    public OrderPricing {
        if (currency == null || !Money.isCurrency(currency)) {
            throw new IllegalArgumentException("the shop currency must be an upper-case ISO 4217 code");
        }
        if (shippingFee < 0 || freeShippingFrom < 0) {
            throw new IllegalArgumentException("shipping amounts must not be negative");
        }
        if (shippingFee > MAX_ORDER_TOTAL) {
            throw new IllegalArgumentException("the shipping fee must be at most " + MAX_ORDER_TOTAL);
        }
        taxBasisPoints = Map.copyOf(taxBasisPoints);
        taxBasisPoints.forEach((country, rate) -> {
            if (rate < 0 || rate > FULL_RATE) {
                throw new IllegalArgumentException("the tax rate of " + country + " must be 0..10000 basis points");
            }
        });
    }

    public boolean shipsTo(String country) {
        return country != null && taxBasisPoints.containsKey(country);
    }

    /**
     * The totals of these lines shipped to that country: what the order charges.
     *
     * @throws IllegalArgumentException when there are no lines or the country is not shipped to
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
        Integer rate = country == null ? null : taxBasisPoints.get(country);
        if (rate == null) {
            throw new IllegalArgumentException("the shop does not ship to " + country);
        }
        long subtotal = lines.stream().map(OrderLine::total).reduce(Money::plus).orElseThrow().amount();
        long shipping = subtotal >= freeShippingFrom ? 0 : shippingFee;
        long goodsAndShipping = checkedSum(subtotal, shipping);
        long tax;
        long total;
        if (pricesIncludeTax) {
            tax = divideHalfUp(goodsAndShipping, rate, FULL_RATE + rate);
            total = goodsAndShipping;
        } else {
            tax = divideHalfUp(goodsAndShipping, rate, FULL_RATE);
            total = checkedSum(goodsAndShipping, tax);
        }
        if (total > MAX_ORDER_TOTAL) {
            throw tooLarge(total);
        }
        return new Totals(new Money(subtotal, currency), new Money(shipping, currency), new Money(tax, currency),
                new Money(total, currency), pricesIncludeTax);
    }

    /** {@code amount * rate / divisor}, rounded half up, exactly (no double). */
    private static long divideHalfUp(long amount, int rate, int divisor) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(rate)).divide(BigDecimal.valueOf(divisor), 0,
                RoundingMode.HALF_UP).longValueExact();
    }

    private static long checkedSum(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw tooLarge(null);
        }
    }

    private static MoneyLimitException tooLarge(Long asked) {
        return new MoneyLimitException("an order's total must be at most " + MAX_ORDER_TOTAL + " minor units"
                + (asked == null ? "" : " (" + asked + " asked)"));
    }
}
