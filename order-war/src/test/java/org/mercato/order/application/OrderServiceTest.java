package org.mercato.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.order.application.OrderFakes.Shop;
import org.mercato.order.domain.FailureKind;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderPricing;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.platform.money.CurrencyNotAcceptedException;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

/** Placing an order with the cart, catalog, inventory and payments played by plain objects (OrderFakes). */
class OrderServiceTest {

    private final Shop shop = new Shop();

    @Test
    void aCartBecomesAPaidOrderChargedOnceWithItsTotal() {
        OrderService.Placed placed = shop.place("key-1");
        Order order = placed.order();
        assertFalse(placed.replay());
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals("cart-1", order.cartId());
        assertEquals(new Money(2500, "EUR"), order.totals().subtotal());
        assertEquals(new Money(495, "EUR"), order.totals().shipping());
        assertEquals(new Money(569, "EUR"), order.totals().tax(), "19 % of 29.95, rounded half up");
        assertEquals(new Money(3564, "EUR"), order.totals().total());
        assertEquals(List.of(order.id()), shop.events.placed, "OrderPlaced recorded once");
        assertEquals(1, shop.stock.reserved.get(order.id()));
        assertEquals(1, shop.stock.reservations());
        assertEquals(1, shop.payments.charges.size());
        assertEquals(order.id(), shop.payments.charges.get(0).orderId());
        assertEquals(order.totals().total(), shop.payments.charges.get(0).amount());
        assertEquals("pay-1", order.paymentId());
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID), order.history().stream().map(t -> t.to())
                .toList());
    }

    @Test
    void theSameKeyAndBodyAnswersTheSameOrderWithoutHoldingOrChargingAgain() {
        Order first = shop.place("key-1").order();
        OrderService.Placed again = shop.place("key-1");
        assertTrue(again.replay());
        assertEquals(first.id(), again.order().id());
        assertEquals(OrderStatus.PAID, again.order().status());
        assertEquals(1, shop.stock.reservations());
        assertEquals(1, shop.payments.charges.size());
        assertEquals(1, shop.events.placed.size());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        shop.place("key-1");
        OrderException e = shop.refused("key-1", Shop.request("cart-1", "tok_other"));
        assertEquals(422, e.status());
        assertEquals("idempotency-key-reused", e.type());
        assertEquals(1, shop.stock.reservations());
        assertEquals(1, shop.payments.charges.size());
        assertEquals(1, shop.orders.orders.size());
    }

    @Test
    void aSecondKeyForTheSameCartVersionIsRefusedWithNothingHeldOrCharged() {
        Order first = shop.place("key-1").order();
        OrderException e = shop.refused("key-2");
        assertEquals(409, e.status());
        assertEquals("cart-already-ordered", e.type());
        assertEquals(1, shop.orders.orders.size(), "no second order saved");
        assertEquals(1, shop.stock.reservations());
        assertEquals(1, shop.payments.charges.size());
        assertEquals(first.id(), shop.payments.charges.get(0).orderId());
    }

    @Test
    void aNewKeyMayOrderTheCartVersionOfAnAttemptThatFailed() {
        shop.payments.declineReason = "insufficient funds";
        assertEquals(402, shop.refused("key-1").status());
        shop.payments.declineReason = null;
        OrderService.Placed placed = shop.place("key-2", Shop.request("cart-1", "tok_other_card"));
        assertFalse(placed.replay());
        assertEquals(OrderStatus.PAID, placed.order().status());
        assertNotEquals(shop.byKey("key-1").id(), placed.order().id());
        assertEquals(OrderStatus.FAILED, shop.byKey("key-1").status());
        assertEquals(List.of(placed.order().id()), shop.events.placed);
    }

    @Test
    void aDeclinedCardFailsTheOrderReleasesTheStockAndIsRefusedTheSameWayOnReplay() {
        shop.payments.declineReason = "insufficient funds";
        OrderException e = shop.refused("key-1");
        assertEquals(402, e.status());
        assertEquals("payment-declined", e.type());
        Order order = shop.byKey("key-1");
        assertEquals(OrderStatus.FAILED, order.status());
        assertEquals(FailureKind.PAYMENT_DECLINED, order.failureKind());
        assertEquals(1, shop.stock.released.get(order.id()));
        assertTrue(shop.events.placed.isEmpty());

        assertFalse(e.replay(), "the first answer is no replay");

        shop.payments.declineReason = null;
        OrderException replayed = shop.refused("key-1");
        assertEquals(402, replayed.status());
        assertEquals("payment-declined", replayed.type());
        assertEquals(e.getMessage(), replayed.getMessage());
        assertTrue(replayed.replay(), "answered as a replay (Idempotent-Replayed: true)");
        assertEquals(1, shop.payments.charges.size(), "a replay charges nothing");
        assertEquals(1, shop.stock.reservations());
    }

    @Test
    void aDeclinedKeyKeepsItsOutcomeAnotherCardUnderItIsKeyReusedAndANewKeyPlacesTheOrder() {
        shop.payments.declineReason = "card_declined";
        assertEquals(402, shop.refused("key-1", Shop.request("cart-1", "tok_chargeDeclined")).status());
        shop.payments.declineReason = null;
        OrderException otherCard = shop.refused("key-1", Shop.request("cart-1", "tok_visa"));
        assertEquals(422, otherCard.status());
        assertEquals("idempotency-key-reused", otherCard.type());
        assertFalse(otherCard.replay());
        assertEquals(1, shop.payments.charges.size(), "the other card was not charged under the used key");

        OrderService.Placed placed = shop.place("key-2", Shop.request("cart-1", "tok_visa"));
        assertEquals(OrderStatus.PAID, placed.order().status());
        assertEquals(2, shop.payments.charges.size());
    }

    @Test
    void everyOutcomeOfAnAttemptThatRanIsReplayedAsSuch() {
        shop.stock.shortage = "MUG: 1 available";
        OrderException first = shop.refused("short");
        OrderException again = shop.refused("short");
        assertEquals(409, again.status());
        assertEquals("out-of-stock", again.type());
        assertFalse(first.replay());
        assertTrue(again.replay());
        assertEquals(1, shop.stock.reservations(), "the replay held nothing");
    }

    @Test
    void refusalsBeforeTheAttemptRanAreNoReplayAndLeaveTheKeyFree() {
        shop.carts.put("cart-empty", new ShopperCart.Contents(1, List.of()));
        OrderException empty = shop.refused("key-1", Shop.request("cart-empty", "tok_visa"));
        assertEquals("cart-empty", empty.type());
        assertFalse(empty.replay());
        assertTrue(shop.orders.orders.isEmpty(), "nothing kept under the key");
        assertEquals(OrderStatus.PAID, shop.place("key-1").order().status(), "the key is still free");
    }

    @Test
    void threeDSecureFailsTheOrderAsAuthenticationRequiredNotAsADeclineAndReleasesTheStock() {
        shop.payments.authenticationRequired = true;
        OrderException e = shop.refused("key-1", Shop.request("cart-1", "tok_threeDSecureRequired"));
        assertEquals(402, e.status());
        assertEquals("authentication-required", e.type());
        assertEquals("Authentication required", e.title());
        assertTrue(e.getMessage().contains("3-D Secure"), e.getMessage());
        Order order = shop.byKey("key-1");
        assertEquals(OrderStatus.FAILED, order.status());
        assertEquals(FailureKind.AUTHENTICATION_REQUIRED, order.failureKind());
        assertFalse(order.paymentCheckDue(), "nothing was charged: no late check");
        assertEquals(1, shop.stock.released.get(order.id()), "the stock is released as for a decline");
        assertTrue(shop.events.placed.isEmpty());

        OrderException replayed = shop.refused("key-1", Shop.request("cart-1", "tok_threeDSecureRequired"));
        assertEquals("authentication-required", replayed.type());
        assertTrue(replayed.replay());
        assertEquals(1, shop.payments.charges.size(), "a replay asks payments nothing");

        shop.payments.authenticationRequired = false;
        assertEquals(OrderStatus.PAID, shop.place("key-2").order().status(), "the cart is free for a new attempt");
    }

    @Test
    void paymentsNotAnsweringFailsTheOrderAndReleasesTheStock() {
        shop.payments.down = true;
        OrderException e = shop.refused("key-1");
        assertEquals(503, e.status());
        assertEquals("payment-unavailable", e.type());
        Order order = shop.byKey("key-1");
        assertEquals(OrderStatus.FAILED, order.status());
        assertEquals(FailureKind.PAYMENT_UNAVAILABLE, order.failureKind());
        assertTrue(order.paymentCheckDue(), "whether it charged is checked later");
        assertEquals(1, shop.stock.released.get(order.id()));
        assertTrue(shop.events.placed.isEmpty());
    }

    @Test
    void missingStockFailsTheOrderWithoutCharging() {
        shop.stock.shortage = "MUG: 1 available";
        OrderException e = shop.refused("key-1");
        assertEquals(409, e.status());
        assertEquals("out-of-stock", e.type());
        assertEquals(OrderStatus.FAILED, shop.byKey("key-1").status());
        assertEquals(FailureKind.OUT_OF_STOCK, shop.byKey("key-1").failureKind());
        assertTrue(shop.payments.charges.isEmpty());
        assertTrue(shop.events.placed.isEmpty());
    }

    @Test
    void aLineInAnotherCurrencyIsRefusedBeforeAnythingIsHeld() {
        shop.prices.put("MUG", 1250, "USD");
        assertThrows(CurrencyNotAcceptedException.class, () -> shop.place("key-1"));
        assertTrue(shop.orders.orders.isEmpty());
        assertEquals(0, shop.stock.reservations());
        assertTrue(shop.payments.charges.isEmpty());
    }

    @Test
    void anOrderAboveTheLargestTotalIsRefusedBeforeAnythingIsHeld() {
        shop.prices.put("MUG", OrderPricing.MAX_ORDER_TOTAL / 2 + 1, "EUR");
        assertThrows(MoneyLimitException.class, () -> shop.place("key-1"));
        assertTrue(shop.orders.orders.isEmpty());
        assertEquals(0, shop.stock.reservations());
        assertTrue(shop.payments.charges.isEmpty());
    }

    /** The address book's blanks: zero-width, joiners, BOM, no-break and ideographic spaces, Hangul filler. */
    private static final List<String> INVISIBLE = List.of("\u200b", "\u200b\u200d\ufeff", "\u00a0", "\u3000",
            "\u3164", " \u2060 ");

    @Test
    void anAddressWhoseRequiredTextShowsNothingIsRefusedNamingTheFieldWithNothingHeldOrCharged() {
        for (String blank : INVISIBLE) {
            List<ShippingAddress> addresses = List.of(
                    new ShippingAddress(blank, "Main 1", null, "Berlin", "10115", "DE"),
                    new ShippingAddress("Kim", blank, null, "Berlin", "10115", "DE"),
                    new ShippingAddress("Kim", "Main 1", null, blank, "10115", "DE"),
                    new ShippingAddress("Kim", "Main 1", null, "Berlin", blank, "DE"));
            List<String> fields = List.of("name", "line1", "city", "postalCode");
            for (int i = 0; i < fields.size(); i++) {
                OrderException refused = shop.refused("key-" + i, new PlaceOrder("cart-1", addresses.get(i), "card",
                        "tok_visa"));
                assertEquals(400, refused.status(), fields.get(i));
                assertTrue(refused.getMessage().contains("shippingAddress." + fields.get(i)), refused.getMessage());
            }
        }
        assertTrue(shop.orders.orders.isEmpty(), "no order row");
        assertEquals(0, shop.stock.reservations(), "nothing held");
        assertTrue(shop.payments.charges.isEmpty(), "nothing charged");
    }

    @Test
    void anAddressIsKeptAsTheAddressBookKeepsIt() {
        Order order = shop.place("key-1", new PlaceOrder("cart-1", new ShippingAddress("\u00a0Kim Lee ",
                "\u3000Main 1", "\u200b", " Berlin", "10115\t", "DE"), "card", "tok_visa")).order();
        ShippingAddress kept = order.shippingAddress();
        assertEquals("Kim Lee", kept.name(), "whitespace of any script around a text goes");
        assertEquals("Main 1", kept.line1());
        assertEquals(null, kept.line2(), "a line2 that shows nothing is no line2");
        assertEquals("Berlin", kept.city());
        assertEquals("10115", kept.postalCode());
    }
}
