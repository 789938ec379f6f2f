package org.mercato.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

/** The shop's pricing with gross prices (tax included) and with net prices (tax added), in minor units. */
class OrderPricingTest {

    private static final Map<String, Integer> RATES = Map.of("DE", 1900, "FR", 2000, "US", 0, "XY", 10_000);
    private static final OrderPricing GROSS = new OrderPricing("EUR", 495, 5000, RATES, true);
    private static final OrderPricing NET = new OrderPricing("EUR", 495, 5000, RATES, false);
    /** No shipping fee at all: the tax is on the goods alone, so rounding is easy to show. */
    private static final OrderPricing GROSS_NO_SHIPPING = new OrderPricing("EUR", 0, 0, RATES, true);
    private static final OrderPricing NET_NO_SHIPPING = new OrderPricing("EUR", 0, 0, RATES, false);

    private static List<OrderLine> lines(long... unitPrices) {
        return java.util.Arrays.stream(unitPrices).mapToObj(p -> new OrderLine("SKU-" + p, "Item", 1, new Money(p,
                "EUR"))).toList();
    }

    private static Totals totals(long subtotal, long shipping, long tax, long total, boolean included) {
        return new Totals(new Money(subtotal, "EUR"), new Money(shipping, "EUR"), new Money(tax, "EUR"), new Money(
                total, "EUR"), included);
    }

    @Test
    void grossPricesChargeGoodsPlusShippingAndShowTheTaxPartOfIt() {
        List<OrderLine> mugs = List.of(new OrderLine("MUG", "Mug", 2, new Money(1250, "EUR")));
        // 25.00 + 4.95 = 29.95 gross; 29.95 * 19 / 119 = 4.7819 -> 4.78
        assertEquals(totals(2500, 495, 478, 2995, true), GROSS.price(mugs, "DE"));
        // the same cart with net prices: 19 % of 29.95 = 5.6905 -> 5.69 added
        assertEquals(totals(2500, 495, 569, 3564, false), NET.price(mugs, "DE"));
        // 20 % in France: 29.95 * 20 / 120 = 4.9917 -> 4.99
        assertEquals(totals(2500, 495, 499, 2995, true), GROSS.price(mugs, "FR"));
        assertEquals(totals(2500, 495, 0, 2995, true), GROSS.price(mugs, "US"), "no tax: the gross is all price");
        // a rate of 100 %: half of the gross is tax
        assertEquals(totals(2500, 495, 1498, 2995, true), GROSS.price(mugs, "XY"));
    }

    @Test
    void theTaxPartIsRoundedHalfUpOnce() {
        // 15.03 * 20 / 120 = 2.505 -> 2.51 (half even would say 2.50)
        assertEquals(251, GROSS_NO_SHIPPING.price(lines(1503), "FR").tax().amount());
        // 14.97 * 20 / 120 = 2.495 -> 2.50
        assertEquals(250, GROSS_NO_SHIPPING.price(lines(1497), "FR").tax().amount());
        // 14.96 * 20 / 120 = 2.4933 -> 2.49
        assertEquals(249, GROSS_NO_SHIPPING.price(lines(1496), "FR").tax().amount());
        // on the sum, not per line: 7.51 + 7.52 = 15.03 -> 2.51, where per line 1.25 + 1.25 would be 2.50
        assertEquals(251, GROSS_NO_SHIPPING.price(lines(751, 752), "FR").tax().amount());
        // net: 1.50 * 19 % = 0.285 -> 0.29 (half even would say 0.28); 0.50 * 19 % = 0.095 -> 0.10
        assertEquals(totals(150, 0, 29, 179, false), NET_NO_SHIPPING.price(lines(150), "DE"));
        assertEquals(10, NET_NO_SHIPPING.price(lines(50), "DE").tax().amount());
        // the tax on shipping is in the one sum: 10.08 + 4.95 = 15.03 -> 2.51
        assertEquals(totals(1008, 495, 251, 1503, true), GROSS.price(lines(1008), "FR"));
    }

    @Test
    void shippingIsFreeFromTheThresholdOfTheGoodsInBothModes() {
        assertEquals(totals(4999, 495, 916, 5494, true), GROSS.price(lines(4999), "FR"), "54.94 / 6 = 9.1567");
        assertEquals(totals(5000, 0, 833, 5000, true), GROSS.price(lines(5000), "FR"), "50.00 / 6 = 8.3333");
        assertEquals(totals(4999, 495, 1099, 6593, false), NET.price(lines(4999), "FR"), "20 % of 54.94 = 10.988");
        assertEquals(totals(5000, 0, 1000, 6000, false), NET.price(lines(5000), "FR"));
    }

    @Test
    void theTotalIsAtMostTheLargestOrderWhateverTheMode() {
        long max = OrderPricing.MAX_ORDER_TOTAL;
        assertEquals(max, GROSS.price(lines(max), "DE").total().amount());
        assertThrows(MoneyLimitException.class, () -> GROSS.price(lines(max + 1), "DE"));
        // net, the tax pushes a total past it that the goods alone would not
        assertThrows(MoneyLimitException.class, () -> NET.price(lines(max), "DE"));
        long netMax = max * 10_000 / 11_900;
        assertTrue(NET.price(lines(netMax), "DE").total().amount() <= max);
        // many units, or amounts whose sum would overflow a long, are refused, never wrapped round
        for (OrderPricing pricing : List.of(GROSS, NET)) {
            assertThrows(MoneyLimitException.class, () -> pricing.price(List.of(new OrderLine("A", "A", 99,
                    new Money(100_000_000, "EUR"))), "DE"));
            assertThrows(MoneyLimitException.class, () -> pricing.price(List.of(new OrderLine("A", "A",
                    Integer.MAX_VALUE, new Money(Money.MAX_AMOUNT, "EUR"))), "DE"));
            assertThrows(MoneyLimitException.class, () -> pricing.price(lines(Money.MAX_AMOUNT, Money.MAX_AMOUNT),
                    "DE"));
        }
    }

    @Test
    void aCountryWithoutARateIsNotShippedToAndBadSettingsAreRefused() {
        assertFalse(GROSS.shipsTo("GB"));
        assertThrows(IllegalArgumentException.class, () -> GROSS.price(lines(100), "GB"));
        assertThrows(IllegalArgumentException.class, () -> GROSS.price(List.of(), "DE"));
        assertThrows(IllegalArgumentException.class, () -> new OrderPricing("EUR", 495, 5000, Map.of("DE", 10_001),
                true));
        assertThrows(IllegalArgumentException.class, () -> new OrderPricing("EUR", 495, 5000, Map.of("DE", -1),
                true));
        assertThrows(IllegalArgumentException.class, () -> new OrderPricing("EUR", OrderPricing.MAX_ORDER_TOTAL + 1,
                5000, RATES, true));
    }

    @Test
    void totalsWhosePartsDoNotMakeTheTotalCannotExist() {
        assertThrows(IllegalArgumentException.class, () -> totals(2500, 495, 478, 3473, true), "tax added twice");
        assertThrows(IllegalArgumentException.class, () -> totals(2500, 495, 569, 2995, false), "tax left out");
        assertThrows(IllegalArgumentException.class, () -> totals(100, 0, 101, 100, true), "more tax than total");
    }
}
