package org.mercato.cart.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.Money;

class CartTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Money PRICE = new Money(1500, "EUR");

    private static CartLine line(String sku, int quantity) {
        return new CartLine(sku, quantity, "Item " + sku, PRICE);
    }

    @Test
    void addingTheSameSkuAddsToItsLine() {
        Cart cart = Cart.newGuestCart("c1", NOW).add(line("MUG-1", 2), NOW).add(line("MUG-1", 3), NOW);
        assertEquals(1, cart.lines().size());
        assertEquals(5, cart.lines().get(0).quantity());
        assertEquals(2, cart.version());
    }

    @Test
    void quantitiesAndLinesStayWithinTheLimits() {
        Cart cart = Cart.newGuestCart("c1", NOW);
        for (int bad : new int[]{0, -1, 100, Integer.MAX_VALUE}) {
            assertEquals(400, assertThrows(CartException.class, () -> cart.add(line("MUG-1", bad), NOW)).status());
        }
        Cart full = cart.add(line("MUG-1", 99), NOW);
        assertThrows(CartException.class, () -> full.add(line("MUG-1", 1), NOW));
        assertThrows(CartException.class, () -> cart.add(line("lower-case", 1), NOW));
        Cart many = cart;
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            many = many.add(line("SKU-" + i, 1), NOW);
        }
        Cart fifty = many;
        assertThrows(CartException.class, () -> fifty.add(line("ONE-MORE", 1), NOW));
    }

    @Test
    void changingAndRemovingLines() {
        Cart cart = Cart.newGuestCart("c1", NOW).add(line("A", 1), NOW).add(line("B", 1), NOW);
        assertEquals(7, cart.setQuantity("A", 7, NOW).lines().get(0).quantity());
        assertEquals(List.of("B"), cart.remove("A", NOW).lines().stream().map(CartLine::sku).toList());
        assertEquals(404, assertThrows(CartException.class, () -> cart.remove("C", NOW)).status());
        assertThrows(CartException.class, () -> cart.setQuantity("A", 0, NOW));
    }

    @Test
    void mergingAddsQuantitiesAndKeepsTheLimits() {
        Cart mine = Cart.newCustomerCart("c2", "user-1", NOW).add(line("A", 2), NOW).add(line("B", 98), NOW);
        Cart guest = Cart.newGuestCart("c1", NOW).add(line("A", 3), NOW).add(line("B", 5), NOW)
                .add(line("C", 1), NOW);
        Cart merged = mine.merge(guest, NOW);
        assertEquals(List.of(5, 99, 1), merged.lines().stream().map(CartLine::quantity).toList());
        assertEquals("user-1", merged.customer());
    }
}
