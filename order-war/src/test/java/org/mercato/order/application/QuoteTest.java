package org.mercato.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.order.application.OrderFakes.Shop;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderPricing;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.order.domain.Totals;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

/** Quoting a cart (OrderFakes): the totals placing will charge, with nothing held, charged or saved. */
class QuoteTest {

    private static OrderService.Quote quote(Shop shop, String cartId, String country) {
        return shop.service.quote(cartId, country, "Bearer alice");
    }

    private static OrderException refusedQuote(Shop shop, String cartId, String country) {
        return assertThrows(OrderException.class, () -> quote(shop, cartId, country));
    }

    private static void assertNothingHappened(Shop shop) {
        assertTrue(shop.orders.orders.isEmpty(), "no order saved");
        assertEquals(0, shop.stock.reservations(), "nothing held");
        assertTrue(shop.payments.charges.isEmpty(), "nothing charged");
        assertTrue(shop.events.placed.isEmpty(), "nothing announced");
    }

    @Test
    void aGrossQuoteIsWhatThePlacedOrderChargesAndNothingHappensMeanwhile() {
        Shop shop = new Shop(Shop.GROSS_PRICING);
        shop.prices.put("TEAPOT", 2450, "EUR");
        shop.carts.put("cart-1", new ShopperCart.Contents(7, List.of(new ShopperCart.Item("MUG", 2),
                new ShopperCart.Item("TEAPOT", 1), new ShopperCart.Item("MUG", 1))));

        OrderService.Quote quote = quote(shop, "cart-1", "DE");
        assertNothingHappened(shop);
        // 3 x 12.50 + 24.50 = 62.00, free shipping; 62.00 * 19 / 119 = 9.8992 -> 9.90 included
        assertEquals(new Totals(new Money(6200, "EUR"), new Money(0, "EUR"), new Money(990, "EUR"), new Money(6200,
                "EUR"), true), quote.totals());
        assertEquals(List.of("MUG", "TEAPOT"), quote.lines().stream().map(l -> l.sku()).toList(), "one line a SKU");
        assertEquals(3, quote.lines().get(0).quantity());
        assertEquals(new Money(3750, "EUR"), quote.lines().get(0).total());

        Order placed = shop.place("key-1").order();
        assertEquals(quote.totals(), placed.totals());
        assertEquals(quote.totals().total(), shop.payments.charges.get(0).amount(), "charged what was quoted");
        assertEquals(quote.lines().stream().map(l -> l.sku() + " " + l.quantity() + " " + l.unitPrice()).toList(),
                placed.lines().stream().map(l -> l.sku() + " " + l.quantity() + " " + l.unitPrice()).toList());
    }

    @Test
    void aNetQuoteIsWhatThePlacedOrderChargesToo() {
        Shop shop = new Shop(Shop.PRICING);
        OrderService.Quote quote = quote(shop, "cart-1", "DE");
        assertEquals(new Totals(new Money(2500, "EUR"), new Money(495, "EUR"), new Money(569, "EUR"), new Money(3564,
                "EUR"), false), quote.totals());
        Order placed = shop.place("key-1").order();
        assertEquals(quote.totals(), placed.totals());
        assertEquals(quote.totals().total(), shop.payments.charges.get(0).amount());
    }

    @Test
    void theDestinationDecidesTheTax() {
        Shop shop = new Shop(Shop.GROSS_PRICING);
        // 25.00 + 4.95 = 29.95: 19 / 119 of it in Germany, 20 / 120 in France
        assertEquals(478, quote(shop, "cart-1", "DE").totals().tax().amount());
        assertEquals(499, quote(shop, "cart-1", "FR").totals().tax().amount());
        ShippingAddress paris = new ShippingAddress("Alice", "1 Rue", null, "Paris", "75001", "FR");
        Order placed = shop.place("key-1", new PlaceOrder("cart-1", paris, "card", "tok_visa")).order();
        assertEquals(499, placed.totals().tax().amount());
        assertEquals(2995, placed.totals().total().amount());
    }

    @Test
    void aQuoteIsRefusedAsPlacingWouldBe() {
        Shop shop = new Shop(Shop.GROSS_PRICING);
        OrderException notServed = refusedQuote(shop, "cart-1", "GB");
        assertEquals(422, notServed.status());
        assertEquals("country-not-served", notServed.type());
        ShippingAddress london = new ShippingAddress("Alice", "1 Street", null, "London", "N1", "GB");
        assertEquals(notServed.type(), shop.refused("key-gb", new PlaceOrder("cart-1", london, "card", "tok_visa"))
                .type(), "placing refuses it the same way");

        assertEquals(400, refusedQuote(shop, "cart-1", "de").status());
        assertEquals(400, refusedQuote(shop, "cart-1", null).status());
        assertEquals(400, refusedQuote(shop, "../carts", "DE").status());
        assertEquals(400, refusedQuote(shop, null, "DE").status());

        OrderException unknown = refusedQuote(shop, "someone-elses-cart", "DE");
        assertEquals(404, unknown.status(), "unknown and foreign carts look the same");

        shop.carts.put("empty", new ShopperCart.Contents(1, List.of()));
        OrderException empty = refusedQuote(shop, "empty", "DE");
        assertEquals(409, empty.status());
        assertEquals("cart-empty", empty.type());
        assertEquals(empty.type(), shop.refused("key-empty", Shop.request("empty", "tok_visa")).type());

        shop.prices.skus.remove("MUG");
        OrderException gone = refusedQuote(shop, "cart-1", "DE");
        assertEquals(409, gone.status());
        assertEquals("item-unavailable", gone.type());

        shop.prices.put("MUG", OrderPricing.MAX_ORDER_TOTAL, "EUR");
        assertThrows(MoneyLimitException.class, () -> quote(shop, "cart-1", "DE"));
        assertTrue(shop.stock.reservations() == 0 && shop.payments.charges.isEmpty(), "nothing held or charged");
    }
}
