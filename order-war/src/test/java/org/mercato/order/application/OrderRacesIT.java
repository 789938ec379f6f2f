package org.mercato.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.outbox.OutboxForTests;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderLine;
import org.mercato.order.domain.OrderPricing;
import org.mercato.order.domain.OrderRefund;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.order.infrastructure.JpaOrderRepository;
import org.mercato.order.infrastructure.OutboxOrderEvents;
import org.mercato.platform.money.Money;
import org.mercato.platform.testing.PostgresUnit;

/**
 * Status changes sent at once, on a real PostgreSQL migrated by the service's Flyway scripts: each request in its
 * own threads and transactions, as the container runs them. Of several cancels exactly one goes through (one
 * OrderCancelled in the outbox, one refund), the others are 409 {@code illegal-transition}; the same for staff
 * marking delivered, and for a cancel racing the warehouse's news.
 */
class OrderRacesIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static final OrderPricing PRICING = new OrderPricing("EUR", 495, 5000, Map.of("DE", 1900), false);
    /** 2 x 12.50, 4.95 shipping, 19 % tax added. */
    private static final long TOTAL = 3564;
    private static PostgresUnit db;

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("orders-it", "orders", OrderRacesIT.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void nothingYet() {
        db.inTransaction(em -> em.createNativeQuery("truncate order_transition, order_line, customer_order,"
                + " outbox_message").executeUpdate());
    }

    /** A paid order (payment {@code pay-1}) saved, as placing leaves it. */
    private static UUID paidOrder() {
        UUID id = UUID.randomUUID();
        db.inTransaction(em -> {
            Order order = new Order(id, new Customer("alice", "alice@example.com", "Alice"), "cart-" + id, 1,
                    List.of(new OrderLine("MUG", "Mug", 2, new Money(1250, "EUR"))), PRICING, new ShippingAddress(
                            "Alice", "1 Main St", null, "Berlin", "10115", "DE"),
                    "key-" + id, "hash", CLOCK
                            .instant());
            order.markPaid("pay-1", CLOCK.instant());
            new JpaOrderRepository(em).add(order);
        });
        return id;
    }

    /** The service's own events into the real outbox table, in the change's transaction. */
    private static OrderEvents outboxOver(EntityManager em) {
        return new OutboxOrderEvents(OutboxForTests.over(em, CLOCK));
    }

    /** The order store with each step in a transaction of its own, as REQUIRES_NEW runs it in the container. */
    private static final class TransactionalStore extends OrderStore {

        TransactionalStore() {
            super(null, null, CLOCK);
        }

        private static <T> T inTransaction(Function<OrderStore, T> step) {
            List<T> result = new ArrayList<>(1);
            db.inTransaction(em -> result.add(step.apply(new OrderStore(new JpaOrderRepository(em), outboxOver(em),
                    CLOCK))));
            return result.get(0);
        }

        @Override
        public Order cancelled(UUID id, String reason, String staffMember) {
            return inTransaction(store -> store.cancelled(id, reason, staffMember));
        }

        @Override
        public Order refunded(UUID id, PaymentGateway.Refunded answer, String staffMember) {
            return inTransaction(store -> store.refunded(id, answer, staffMember));
        }

        @Override
        public void refundNotAnswered(UUID id) {
            inTransaction(store -> {
                store.refundNotAnswered(id);
                return null;
            });
        }
    }

    /** Payments taking its time to refund, counting the refunds it is asked for. */
    private static final class SlowPayments implements PaymentGateway {
        final AtomicInteger refunds = new AtomicInteger();

        @Override
        public Charge charge(UUID orderId, Money amount, String cardToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Refunded refundAll(String paymentId, String reason) {
            int number = refunds.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Refunded(new OrderRefund("r-" + number, new Money(TOTAL, "EUR"), reason), true);
        }

        @Override
        public Optional<String> capturedPaymentFor(UUID orderId) {
            return Optional.empty();
        }
    }

    /** Order management over one transaction's EntityManager (the @Transactional methods). */
    private static OrderManagement management(EntityManager em) {
        OrderManagement management = new OrderManagement();
        management.orders = new JpaOrderRepository(em);
        management.clock = CLOCK;
        return management;
    }

    /** Runs the tasks at once (released together); each outcome is the value, or what was thrown. */
    private static List<Object> together(List<Callable<Object>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> outcome : running) {
                try {
                    outcomes.add(outcome.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long number(String sql, UUID id) {
        List<Long> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(((Number) em.createNativeQuery(sql).setParameter(1, id)
                .getSingleResult()).longValue()));
        return result.get(0);
    }

    private static String status(UUID id) {
        List<String> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add((String) em.createNativeQuery("select status from customer_order where id"
                + " = ?").setParameter(1, id).getSingleResult()));
        return result.get(0);
    }

    /** One winner, and every other outcome a 409 illegal-transition; returns the winner. */
    private static Object oneWinner(List<Object> outcomes) {
        List<Object> won = outcomes.stream().filter(o -> !(o instanceof Throwable)).toList();
        assertEquals(1, won.size(), "exactly one goes through: " + outcomes);
        for (Object outcome : outcomes) {
            if (outcome instanceof Throwable) {
                OrderException refused = assertInstanceOf(OrderException.class, outcome);
                assertEquals(409, refused.status(), refused.getMessage());
                assertEquals("illegal-transition", refused.type(), refused.getMessage());
            }
        }
        return won.get(0);
    }

    @Test
    void ofCancelsSentAtOnceExactlyOneGoesThroughWithOneOrderCancelledAndOneRefund() throws Exception {
        UUID id = paidOrder();
        OrderManagement management = new OrderManagement();
        management.store = new TransactionalStore();
        SlowPayments payments = new SlowPayments();
        management.payments = payments;
        management.clock = CLOCK;
        List<Callable<Object>> cancels = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String staff = "staff-" + i + "@mercato.test";
            cancels.add(() -> management.cancel(id, "customer called", staff));
        }
        Order won = (Order) oneWinner(together(cancels));
        assertEquals(OrderStatus.REFUNDED, won.status());
        assertEquals(1, payments.refunds.get(), "one refund asked for");
        assertEquals("REFUNDED", status(id));
        assertEquals(1, number("select count(*) from outbox_message where event_type = 'OrderCancelled' and payload"
                + " like '%' || cast(? as text) || '%'", id), "OrderCancelled once in the outbox");
        assertEquals(1, number("select count(*) from order_transition where order_id = ? and to_status ="
                + " 'CANCELLED'", id));
        assertEquals(1, number("select count(*) from order_transition where order_id = ? and refund_id is not null",
                id));
    }

    @Test
    void ofDeliveriesMarkedAtOnceExactlyOneGoesThrough() throws Exception {
        UUID id = paidOrder();
        db.inTransaction(em -> management(em).shipped(id, "TRACK-1"));
        List<Callable<Object>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String staff = "staff-" + i + "@mercato.test";
            deliveries.add(() -> {
                List<Order> delivered = new ArrayList<>(1);
                db.inTransaction(em -> delivered.add(management(em).markDelivered(id, staff)));
                return delivered.get(0);
            });
        }
        oneWinner(together(deliveries));
        assertEquals("DELIVERED", status(id));
        assertEquals(1, number("select count(*) from order_transition where order_id = ? and to_status ="
                + " 'DELIVERED'", id));
    }

    @Test
    void aCancelRacingTheWarehouseNewsLeavesOneConsistentHistory() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID id = paidOrder();
            OrderManagement management = new OrderManagement();
            management.store = new TransactionalStore();
            management.payments = new SlowPayments();
            management.clock = CLOCK;
            List<Callable<Object>> racing = List.of(
                    () -> management.cancel(id, "customer called", "staff@mercato.test"),
                    () -> {
                        db.inTransaction(em -> management(em).fulfillmentStarted(id));
                        return "created";
                    },
                    () -> {
                        db.inTransaction(em -> management(em).shipped(id, "TRACK-" + id));
                        return "dispatched";
                    });
            List<Object> outcomes = together(racing);
            String status = status(id);
            long cancelled = number("select count(*) from order_transition where order_id = ? and to_status ="
                    + " 'CANCELLED'", id);
            long shipped = number("select count(*) from order_transition where order_id = ? and to_status ="
                    + " 'SHIPPED'", id);
            assertTrue(cancelled + shipped == 1, "cancelled or shipped, never both: " + outcomes);
            if (cancelled == 1) {
                assertEquals("REFUNDED", status);
                assertInstanceOf(Order.class, outcomes.get(0));
            } else {
                assertEquals("SHIPPED", status);
                OrderException refused = assertInstanceOf(OrderException.class, outcomes.get(0));
                assertEquals("illegal-transition", refused.type());
            }
            assertEquals(cancelled, number("select count(*) from outbox_message where event_type = 'OrderCancelled'"
                    + " and payload like '%' || cast(? as text) || '%'", id));
        }
    }
}
