package org.mercato.cart.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.cart.domain.Cart;
import org.mercato.cart.domain.CartLine;
import org.mercato.platform.money.Money;

/** The JSON document a cart is kept as in the grid keeps everything the cart holds, its remembered keys too. */
class CartDocumentTest {

    @Test
    void aCartSurvivesItsDocument() {
        Cart cart = new Cart("6f1c1c1e-2b5c-4c43-9a0e-0a6f5c2d9b10", "alice",
                List.of(new CartLine("MUG", 2, "Mug", new Money(900, "EUR"))), Instant.parse("2026-12-01T10:00:00Z"), 3)
                .remember("key-1", "add MUG 2").remember("key-2", "remove CUP");
        Cart read = GridCartRepository.fromJson(GridCartRepository.toJson(cart));
        assertEquals(cart, read);
        assertEquals("add MUG 2", read.applied("key-1").orElseThrow().request());
    }

    @Test
    void aDocumentWrittenBeforeKeysWereKeptIsRead() {
        String before = "{\"id\":\"6f1c1c1e-2b5c-4c43-9a0e-0a6f5c2d9b10\",\"lines\":[],"
                + "\"updatedAt\":\"2026-12-01T10:00:00Z\",\"version\":1}";
        assertEquals(List.of(), GridCartRepository.fromJson(before).appliedRequests());
    }
}
