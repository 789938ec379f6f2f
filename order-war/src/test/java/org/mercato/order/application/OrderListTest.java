package org.mercato.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.order.application.OrderFakes.Shop;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderStatus;

/**
 * Listing orders: each optional filter (status, every customer) alone and together, for a customer and for staff
 * (issue 10, point 11 and the re-check's fault 9).
 */
class OrderListTest {

    private static final Customer BOB = new Customer("bob", "bob@example.com", "Bob");
    private static final String STAFF = "staff-1";

    private final Shop shop = new Shop();
    private Order alicePaid;
    private Order aliceFailed;
    private Order aliceRefunded;
    private Order bobPaid;

    @BeforeEach
    void ordersOfTwoCustomers() {
        shop.carts.put("cart-2", new ShopperCart.Contents(1, List.of(new ShopperCart.Item("MUG", 1))));
        shop.carts.put("cart-3", new ShopperCart.Contents(1, List.of(new ShopperCart.Item("MUG", 1))));
        shop.carts.put("cart-4", new ShopperCart.Contents(1, List.of(new ShopperCart.Item("MUG", 3))));
        alicePaid = shop.place("a-1").order();
        shop.clock.advance(Duration.ofMinutes(1));
        shop.payments.declineReason = "card_declined";
        shop.refused("a-2", Shop.request("cart-3", "tok_chargeDeclined"));
        aliceFailed = shop.byKey("a-2");
        shop.payments.declineReason = null;
        shop.clock.advance(Duration.ofMinutes(1));
        Order toRefund = shop.place("a-3", Shop.request("cart-4", "tok_visa")).order();
        aliceRefunded = shop.management.cancel(toRefund.id(), "customer called", "staff@mercato.test");
        shop.clock.advance(Duration.ofMinutes(1));
        bobPaid = shop.service.place(BOB, "b-1", Shop.request("cart-2", "tok_visa"), "Bearer bob").order();
        assertEquals(OrderStatus.FAILED, aliceFailed.status());
        assertEquals(OrderStatus.REFUNDED, aliceRefunded.status());
    }

    private OrderManagement.OrderPage list(String caller, boolean staff, boolean everyone, OrderStatus status) {
        return shop.management.list(caller, staff, everyone, status, 0, 20);
    }

    private static Set<UUID> ids(OrderManagement.OrderPage page) {
        return page.items().stream().map(Order::id).collect(Collectors.toSet());
    }

    @Test
    void aCustomerListsTheirOwnOrdersNewestFirst() {
        OrderManagement.OrderPage mine = list("alice", false, false, null);
        assertEquals(List.of(aliceRefunded.id(), aliceFailed.id(), alicePaid.id()), mine.items().stream().map(
                Order::id).toList());
        assertEquals(3, mine.total());
    }

    @Test
    void aCustomersStatusFilterKeepsOnlyTheirOrdersInThatStatus() {
        OrderManagement.OrderPage refunded = list("alice", false, false, OrderStatus.REFUNDED);
        assertEquals(Set.of(aliceRefunded.id()), ids(refunded));
        assertEquals(1, refunded.total());
        OrderManagement.OrderPage paid = list("alice", false, false, OrderStatus.PAID);
        assertEquals(Set.of(alicePaid.id()), ids(paid), "Bob's paid order is not Alice's");
        assertEquals(1, paid.total());
        OrderManagement.OrderPage none = list("alice", false, false, OrderStatus.SHIPPED);
        assertEquals(Set.of(), ids(none));
        assertEquals(0, none.total());
    }

    @Test
    void aCustomerAskingForEveryCustomersOrdersIsForbidden() {
        OrderException e = assertThrows(OrderException.class, () -> list("alice", false, true, null));
        assertEquals(403, e.status());
        assertEquals(403, assertThrows(OrderException.class, () -> list("alice", false, true, OrderStatus.PAID))
                .status());
    }

    @Test
    void staffListEveryOrderAloneOrByStatus() {
        OrderManagement.OrderPage all = list(STAFF, true, true, null);
        assertEquals(Set.of(alicePaid.id(), aliceFailed.id(), aliceRefunded.id(), bobPaid.id()), ids(all));
        assertEquals(4, all.total());
        OrderManagement.OrderPage paid = list(STAFF, true, true, OrderStatus.PAID);
        assertEquals(Set.of(alicePaid.id(), bobPaid.id()), ids(paid));
        assertEquals(2, paid.total());
        assertEquals(Set.of(aliceFailed.id()), ids(list(STAFF, true, true, OrderStatus.FAILED)));
    }

    @Test
    void staffWithoutAllListTheirOwnOrdersWithOrWithoutStatus() {
        assertEquals(0, list(STAFF, true, false, null).total(), "staff placed no order of their own");
        assertEquals(0, list(STAFF, true, false, OrderStatus.PAID).total());
        assertEquals(Set.of(bobPaid.id()), ids(list("bob", true, false, OrderStatus.PAID)), "a staff member who shops");
    }

    @Test
    void theTotalCountsEveryPageWhateverTheFilters() {
        OrderManagement.OrderPage first = shop.management.list(STAFF, true, true, OrderStatus.PAID, 0, 1);
        OrderManagement.OrderPage second = shop.management.list(STAFF, true, true, OrderStatus.PAID, 1, 1);
        assertEquals(2, first.total());
        assertEquals(2, second.total());
        assertEquals(List.of(bobPaid.id()), first.items().stream().map(Order::id).toList(), "newest first");
        assertEquals(List.of(alicePaid.id()), second.items().stream().map(Order::id).toList());
        assertEquals(0, shop.management.list("alice", false, false, OrderStatus.PAID, 1, 20).items().size());
    }
}
