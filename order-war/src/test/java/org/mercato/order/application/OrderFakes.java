package org.mercato.order.application;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderPricing;
import org.mercato.order.domain.OrderRefund;
import org.mercato.order.domain.OrderRepository;
import org.mercato.order.domain.OrderSearch;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.platform.money.Money;

/** Plain objects behind the order service's ports, enough for use-case rules (no container, no database). */
final class OrderFakes {

    private OrderFakes() {
    }

    /** Orders in memory, refusing what the database's unique indexes refuse. */
    static final class MemoryOrders implements OrderRepository {
        final Map<UUID, Order> orders = new LinkedHashMap<>();

        @Override
        public synchronized void add(Order order) {
            if (findByKey(order.customerId(), key(order)).isPresent()) {
                throw new IllegalStateException("unique index: customer and idempotency key");
            }
            if (order.status() != OrderStatus.FAILED && cartOrdered(order.cartId(), cartVersion(order))) {
                throw new IllegalStateException("unique index: cart version of an order that has not failed");
            }
            orders.put(order.id(), order);
        }

        /** The aggregate keeps its key and cart version to itself (only the database reads them). */
        static String key(Order order) {
            return (String) field(order, "idempotencyKey");
        }

        static long cartVersion(Order order) {
            return (Long) field(order, "cartVersion");
        }

        private static Object field(Order order, String name) {
            try {
                Field field = Order.class.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(order);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized Optional<Order> find(UUID id) {
            return Optional.ofNullable(orders.get(id));
        }

        @Override
        public Optional<Order> lock(UUID id) {
            return find(id);
        }

        @Override
        public synchronized Optional<Order> findByKey(String customerId, String idempotencyKey) {
            return orders.values().stream().filter(o -> o.customerId().equals(customerId) && idempotencyKey.equals(
                    key(o))).findFirst();
        }

        @Override
        public synchronized boolean cartOrdered(String cartId, long cartVersion) {
            return orders.values().stream().anyMatch(o -> o.status() != OrderStatus.FAILED && cartId.equals(o
                    .cartId()) && cartVersion(o) == cartVersion);
        }

        @Override
        public synchronized List<Order> search(OrderSearch search, int page, int size) {
            // in the search's order, as the database answers
            return orders.values().stream().filter(search::matches).sorted(search.comparator()).skip((long) page
                    * size).limit(size).toList();
        }

        @Override
        public synchronized long count(OrderSearch search) {
            return orders.values().stream().filter(search::matches).count();
        }

        @Override
        public synchronized List<UUID> paymentChecksDue(Instant failedBefore, Instant pendingBefore, int max) {
            return orders.values().stream().filter(o -> o.status() == OrderStatus.FAILED && o.paymentCheckDue() && o
                    .updatedAt().isBefore(failedBefore) || o.status() == OrderStatus.PENDING
                            && o.createdAt()
                                    .isBefore(pendingBefore))
                    .sorted(Comparator.comparing(Order::updatedAt)).limit(max).map(
                            Order::id)
                    .toList();
        }
    }

    /** A clock the test moves on. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Inventory: holds everything unless told what is short; counts reservations and releases per order. */
    static final class Stock implements StockReservations {
        final Map<UUID, Integer> reserved = new HashMap<>();
        final Map<UUID, Integer> released = new HashMap<>();
        String shortage;

        @Override
        public Outcome reserve(UUID orderId, List<Line> lines, Duration hold) {
            reserved.merge(orderId, 1, Integer::sum);
            return new Outcome(shortage);
        }

        @Override
        public void release(UUID orderId) {
            released.merge(orderId, 1, Integer::sum);
        }

        int reservations() {
            return reserved.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Payments: approves, declines, asks for 3-D Secure, or does not answer (having charged or not), as told. */
    static final class Payments implements PaymentGateway {
        record Charged(UUID orderId, Money amount, String cardToken, String paymentId) {
        }

        final List<Charged> charges = new ArrayList<>();
        final List<String> refunds = new ArrayList<>();
        String declineReason;
        boolean authenticationRequired;
        boolean down;
        boolean chargesWhenDown;
        boolean refundsDown;
        RuntimeException crashAfterCharging;

        @Override
        public Charge charge(UUID orderId, Money amount, String cardToken) {
            if (down && !chargesWhenDown) {
                throw new DependencyUnavailableException("payment", "payments timed out", null);
            }
            if (authenticationRequired) {
                charges.add(new Charged(orderId, amount, cardToken, null));
                return Charge.needsAuthentication();
            }
            String paymentId = declineReason == null ? "pay-" + (charges.size() + 1) : null;
            charges.add(new Charged(orderId, amount, cardToken, paymentId));
            if (crashAfterCharging != null) {
                throw crashAfterCharging;
            }
            if (down) {
                throw new DependencyUnavailableException("payment", "payments answered too late", null);
            }
            return new Charge(paymentId, declineReason);
        }

        /** Refunds made, by reason (a refund asked again with the same reason is answered with the first one). */
        final Map<String, Refunded> refundsByReason = new HashMap<>();
        /** What payments has already given back per payment id, outside the order service's own refunds. */
        final Map<String, Long> refundedElsewhere = new HashMap<>();
        boolean refundAnswerLost;
        /** Runs after a refund is made and before its answer (its PaymentRefunded overtaking the answer). */
        Runnable beforeRefundAnswer = () -> {
        };

        @Override
        public Refunded refundAll(String paymentId, String reason) {
            if (refundsDown) {
                throw new DependencyUnavailableException("payment", "payments timed out", null);
            }
            Refunded earlier = refundsByReason.get(paymentId + ":" + reason);
            if (earlier != null) {
                return earlier;
            }
            refunds.add(paymentId);
            Money charged = charges.stream().filter(c -> paymentId.equals(c.paymentId())).map(Charged::amount)
                    .findFirst().orElseThrow();
            long left = charged.amount() - refundedElsewhere.getOrDefault(paymentId, 0L);
            Refunded refunded = new Refunded(new OrderRefund("refund-" + refunds.size(), new Money(left, charged
                    .currency()), reason), true);
            refundsByReason.put(paymentId + ":" + reason, refunded);
            beforeRefundAnswer.run();
            if (refundAnswerLost) {
                refundAnswerLost = false;
                throw new DependencyUnavailableException("payment", "the refund's answer was lost", null);
            }
            return refunded;
        }

        @Override
        public Optional<String> capturedPaymentFor(UUID orderId) {
            if (down && !chargesWhenDown) {
                throw new DependencyUnavailableException("payment", "payments timed out", null);
            }
            return charges.stream().filter(c -> c.orderId().equals(orderId) && c.paymentId() != null).map(
                    Charged::paymentId).findFirst();
        }

        long chargesFor(UUID orderId) {
            return charges.stream().filter(c -> c.orderId().equals(orderId)).count();
        }
    }

    /** The outbox: what was told to the other services. */
    static final class Events implements OrderEvents {
        final List<UUID> placed = new ArrayList<>();
        final List<UUID> cancelled = new ArrayList<>();
        final List<Boolean> cancelledRefunded = new ArrayList<>();

        @Override
        public void placed(Order order) {
            placed.add(order.id());
        }

        @Override
        public void cancelled(Order order, String reason, String actor, boolean refunded) {
            cancelled.add(order.id());
            cancelledRefunded.add(refunded);
        }
    }

    /** The catalog's prices of the SKUs it knows. */
    static final class Prices implements PriceList {
        final Map<String, PricedSku> skus = new HashMap<>();

        void put(String sku, long price, String currency) {
            skus.put(sku, new PricedSku(sku, sku.toLowerCase(), new Money(price, currency), true));
        }

        @Override
        public Map<String, PricedSku> prices(Collection<String> wanted) {
            Map<String, PricedSku> found = new HashMap<>();
            wanted.forEach(sku -> Optional.ofNullable(skus.get(sku)).ifPresent(p -> found.put(sku, p)));
            return found;
        }
    }

    /** The order service and order management wired to the fakes above, with one cart of two mugs. */
    static final class Shop {
        /** Net prices, tax added on top. */
        static final OrderPricing PRICING = new OrderPricing("EUR", 495, 5000, Map.of("DE", 1900, "FR", 2000), false);
        /** Gross prices (the default of a euro shop): the tax is the part of the total that is tax. */
        static final OrderPricing GROSS_PRICING = new OrderPricing("EUR", 495, 5000, Map.of("DE", 1900, "FR", 2000),
                true);
        static final Customer ALICE = new Customer("alice", "alice@example.com", "Alice");
        static final ShippingAddress HOME = new ShippingAddress("Alice", "1 Main St", null, "Berlin", "10115",
                "DE");

        final MemoryOrders orders = new MemoryOrders();
        final Events events = new Events();
        final Stock stock = new Stock();
        final Payments payments = new Payments();
        final Prices prices = new Prices();
        final MovableClock clock = new MovableClock();
        final Map<String, ShopperCart.Contents> carts = new HashMap<>();
        final OrderStore store = new OrderStore(orders, events, clock);
        final OrderService service = new OrderService();
        final OrderManagement management = new OrderManagement();

        Shop() {
            this(PRICING);
        }

        Shop(OrderPricing pricing) {
            prices.put("MUG", 1250, "EUR");
            carts.put("cart-1", new ShopperCart.Contents(7, List.of(new ShopperCart.Item("MUG", 2))));
            service.cart = (cartId, authorization) -> Optional.ofNullable(carts.get(cartId)).orElseThrow(
                    () -> OrderException.notFound("no cart " + cartId));
            service.prices = prices;
            service.stock = stock;
            service.payments = payments;
            service.store = store;
            service.pricing = pricing;
            service.clock = clock;
            service.reservationMinutes = 30;
            management.orders = orders;
            management.events = events;
            management.payments = payments;
            management.stock = stock;
            management.store = store;
            management.clock = clock;
        }

        static PlaceOrder request(String cartId, String cardToken) {
            return new PlaceOrder(cartId, HOME, "card", cardToken);
        }

        OrderService.Placed place(String key, PlaceOrder request) {
            return service.place(ALICE, key, request, "Bearer alice");
        }

        OrderService.Placed place(String key) {
            return place(key, request("cart-1", "tok_visa"));
        }

        OrderException refused(String key, PlaceOrder request) {
            return Assertions.assertThrows(OrderException.class, () -> place(key, request));
        }

        OrderException refused(String key) {
            return refused(key, request("cart-1", "tok_visa"));
        }

        /** The one order made under a key, whatever became of it. */
        Order byKey(String key) {
            return orders.findByKey(ALICE.id(), key).orElseThrow();
        }
    }
}
