package org.mercato.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.order.application.OrderFakes.Shop;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderSearch;
import org.mercato.order.domain.OrderStatus;

/**
 * Listing orders: each optional filter (status, every customer, and staff search: order number, email, created
 * window, sort) alone and together, for a customer and for staff (issue 10, point 11 and the re-check's fault 9).
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

    private OrderManagement.OrderPage search(String caller, boolean staff, boolean everyone, OrderSearch search) {
        return shop.management.list(caller, staff, everyone, search, 0, 20);
    }

    private static List<UUID> inOrder(OrderManagement.OrderPage page) {
        return page.items().stream().map(Order::id).toList();
    }

    @Test
    void staffFindAnOrderByItsNumberWholeOrByItsFirstCharactersInAnyCase() {
        String number = bobPaid.id().toString();
        assertEquals(List.of(bobPaid.id()), inOrder(search(STAFF, true, true, OrderSearch.all().withIdPrefix(
                number))));
        OrderManagement.OrderPage byPrefix = search(STAFF, true, true, OrderSearch.all().withIdPrefix(number
                .substring(0, 8)));
        assertTrue(ids(byPrefix).contains(bobPaid.id()));
        byPrefix.items().forEach(o -> assertTrue(o.id().toString().startsWith(number.substring(0, 8))));
        assertEquals(byPrefix.items().size(), byPrefix.total());
        assertEquals(0, search(STAFF, true, true, OrderSearch.all().withIdPrefix(number).withStatus(
                OrderStatus.FAILED)).total(), "with a status it is not in");
    }

    @Test
    void staffFindOrdersByTheStartOfTheCustomersEmailIgnoringCase() {
        assertEquals(Set.of(bobPaid.id()), ids(search(STAFF, true, true, OrderSearch.all().withEmailPrefix(
                "bob@example.com"))));
        assertEquals(List.of(aliceRefunded.id(), aliceFailed.id(), alicePaid.id()), inOrder(search(STAFF, true, true,
                OrderSearch.all().withEmailPrefix("alice@"))));
        assertEquals(Set.of(alicePaid.id()), ids(search(STAFF, true, true, OrderSearch.all().withEmailPrefix("ali")
                .withStatus(OrderStatus.PAID))));
        assertEquals(0, search(STAFF, true, true, OrderSearch.all().withEmailPrefix("carol")).total());
        assertEquals(0, search(STAFF, true, true, OrderSearch.all().withEmailPrefix("example.com")).total(),
                "a prefix, not a part anywhere");
    }

    @Test
    void staffListOrdersCreatedWithinAWindowBothEndsInclusive() {
        // placed at 10:00, 10:01, 10:02 and 10:03 (the fake clock)
        Instant first = alicePaid.createdAt();
        assertEquals(Set.of(aliceFailed.id(), aliceRefunded.id()), ids(search(STAFF, true, true, OrderSearch.all()
                .createdBetween(first.plusSeconds(60), first.plusSeconds(120)))));
        assertEquals(Set.of(aliceRefunded.id(), bobPaid.id()), ids(search(STAFF, true, true, OrderSearch.all()
                .createdBetween(first.plusSeconds(120), null))));
        assertEquals(Set.of(alicePaid.id()), ids(search(STAFF, true, true, OrderSearch.all().createdBetween(null,
                first))));
        assertEquals(Set.of(bobPaid.id()), ids(search(STAFF, true, true, OrderSearch.all().createdBetween(first,
                null).withEmailPrefix("BOB".toLowerCase()).withStatus(OrderStatus.PAID))));
    }

    @Test
    void staffSortByTotalStatusOrCreatedEitherWayTiesNewestFirst() {
        OrderSearch all = OrderSearch.all();
        List<UUID> byTotal = inOrder(search(STAFF, true, true, all.sortedBy(new OrderSearch.Sort(
                OrderSearch.SortKey.TOTAL, false))));
        // one mug (failed, Bob's: a tie, newest first), two mugs, three mugs
        assertEquals(List.of(bobPaid.id(), aliceFailed.id(), alicePaid.id(), aliceRefunded.id()), byTotal);
        List<UUID> byTotalDescending = inOrder(search(STAFF, true, true, all.sortedBy(new OrderSearch.Sort(
                OrderSearch.SortKey.TOTAL, true))));
        assertEquals(List.of(aliceRefunded.id(), alicePaid.id(), bobPaid.id(), aliceFailed.id()),
                byTotalDescending);
        assertEquals(List.of(aliceFailed.id(), bobPaid.id(), alicePaid.id(), aliceRefunded.id()), inOrder(search(
                STAFF, true, true, all.sortedBy(new OrderSearch.Sort(OrderSearch.SortKey.STATUS, false)))),
                "FAILED, PAID (newest first), REFUNDED");
        assertEquals(List.of(alicePaid.id(), aliceFailed.id(), aliceRefunded.id(), bobPaid.id()), inOrder(search(
                STAFF, true, true, all.sortedBy(new OrderSearch.Sort(OrderSearch.SortKey.CREATED, false)))));
        assertEquals(List.of(bobPaid.id(), aliceRefunded.id(), aliceFailed.id(), alicePaid.id()), inOrder(search(
                STAFF, true, true, all)), "newest first by default");
    }

    @Test
    void withoutAllTheSearchNarrowsTheCallersOwnOrdersOnly() {
        assertEquals(0, search("alice", false, false, OrderSearch.all().withEmailPrefix("bob")).total(),
                "Bob's orders stay Bob's, whatever Alice searches for");
        assertEquals(0, search("alice", false, false, OrderSearch.all().withIdPrefix(bobPaid.id().toString()))
                .total());
        assertEquals(List.of(alicePaid.id()), inOrder(search("alice", false, false, OrderSearch.all()
                .withIdPrefix(alicePaid.id().toString()))));
        assertEquals(List.of(aliceRefunded.id(), aliceFailed.id()),
                inOrder(search("alice", false, false, OrderSearch.all()
                        .sortedBy(new OrderSearch.Sort(OrderSearch.SortKey.TOTAL, true)).createdBetween(alicePaid
                                .createdAt().plusSeconds(1), null)
                        .withEmailPrefix("alice"))));
        assertEquals(0, search(STAFF, true, false, OrderSearch.all().withEmailPrefix("bob")).total(),
                "staff without all=true search their own orders");
        assertEquals(403, assertThrows(OrderException.class, () -> search("alice", false, true, OrderSearch.all()
                .withEmailPrefix("bob"))).status());
    }
}
