package org.mercato.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.EventHeaders;
import org.mercato.platform.testing.PostgresUnit;

/** The outbox relay on real PostgreSQL: order, back-off while the broker is down, no double claims. */
class OutboxRelayIT {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static PostgresUnit db;

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("outbox-it", "outbox", OutboxRelayIT.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void empty() {
        db.inTransaction(em -> em.createNativeQuery("delete from outbox_message").executeUpdate());
    }

    private static void save(String type, Instant at) {
        db.inTransaction(em -> em.persist(OutboxMessage.of("mercato.test",
                new EventHeaders(type, java.util.UUID.randomUUID(), at, 1), "{\"type\":\"" + type + "\"}")));
    }

    private static OutboxRelay.Pass relay(OutboxRelay.Sender sender, int max, Instant now) {
        List<OutboxRelay.Pass> pass = new ArrayList<>();
        db.inTransaction(em -> pass.add(OutboxRelay.relay(em, sender, max, now)));
        return pass.get(0);
    }

    /** A broker that takes the messages one by one, as {@code record} is told them. */
    private static OutboxRelay.Sender each(java.util.function.Consumer<OutboxMessage> record) {
        return batch -> batch.forEach(record);
    }

    @Test
    void aPassHandsItsRowsToTheBrokerAsOneBatchInOrderAndARefusedBatchStaysPendingWhole() {
        for (int i = 0; i < 5; i++) {
            save("E" + i, T0.plusMillis(i));
        }
        List<List<String>> batches = new ArrayList<>();
        OutboxRelay.Pass refused = relay(batch -> {
            throw new IllegalStateException("commit failed");
        }, 3, T0.plusSeconds(1));
        assertTrue(refused.failed());
        db.inTransaction(em -> assertEquals(5, OutboxRelay.pending(em), "a refused batch is not marked sent"));
        OutboxRelay.Pass pass = relay(batch -> batches.add(batch.stream().map(m -> m.headers().eventType())
                .toList()), 3, T0.plusSeconds(5));
        assertEquals(3, pass.sent());
        assertEquals(List.of(List.of("E0", "E1", "E2")), batches, "one batch of the pass's rows, in order");
        assertEquals(2, relay(batch -> batches.add(batch.stream().map(m -> m.headers().eventType()).toList()), 3,
                T0.plusSeconds(6)).sent());
        assertEquals(List.of("E3", "E4"), batches.get(1));
    }

    @Test
    void pendingEventsAreSentInTheOrderTheyOccurredAndOnlyOnce() {
        save("B", T0.plusSeconds(2));
        save("A", T0.plusSeconds(1));
        save("C", T0.plusSeconds(3));
        List<String> sent = new ArrayList<>();
        OutboxRelay.Pass pass = relay(each(m -> sent.add(m.headers().eventType())), 10, T0.plusSeconds(5));
        assertEquals(3, pass.sent());
        assertEquals(List.of("A", "B", "C"), sent);
        assertEquals(0, relay(each(m -> sent.add("again")), 10, T0.plusSeconds(6)).sent());
        assertEquals(List.of("A", "B", "C"), sent);
        db.inTransaction(em -> assertEquals(0, OutboxRelay.pending(em)));
    }

    @Test
    void whileTheBrokerIsDownEventsWaitWithBackOffAndNoneOvertakes() {
        save("first", T0);
        save("second", T0.plusSeconds(1));
        OutboxRelay.Pass down = relay(batch -> {
            throw new ConnectException("broker down");
        }, 10, T0.plusSeconds(2));
        assertTrue(down.failed());
        assertEquals(0, down.sent());
        db.inTransaction(em -> assertEquals(2, OutboxRelay.pending(em)));

        List<String> sent = new ArrayList<>();
        // the failed event is not due before its back-off, and the next one waits behind it
        assertEquals(0, relay(each(m -> sent.add(m.headers().eventType())), 10, T0.plusMillis(2500)).sent());
        assertTrue(sent.isEmpty(), "nothing overtakes the event that failed: " + sent);
        assertEquals(2, relay(each(m -> sent.add(m.headers().eventType())), 10, T0.plusSeconds(4)).sent());
        assertEquals(List.of("first", "second"), sent);
    }

    @Test
    void backOffDoublesUpToAMinute() {
        assertEquals(Duration.ofSeconds(1), OutboxRelay.backOff(0));
        assertEquals(Duration.ofSeconds(8), OutboxRelay.backOff(3));
        assertEquals(Duration.ofSeconds(60), OutboxRelay.backOff(12));
    }

    @Test
    void twoRelaysNeverClaimTheSameEvent() throws Exception {
        for (int i = 0; i < 20; i++) {
            save("E" + i, T0.plusMillis(i));
        }
        CountDownLatch firstHoldsItsRows = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> first = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> second = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread other = new Thread(() -> relay(batch -> {
            batch.forEach(m -> first.add(m.headers().eventType()));
            firstHoldsItsRows.countDown();
            try {
                // keep the transaction (and its row locks) open while the second relay runs
                secondDone.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 10, T0.plusSeconds(1)));
        other.start();
        assertTrue(firstHoldsItsRows.await(10, TimeUnit.SECONDS));
        relay(each(m -> second.add(m.headers().eventType())), 20, T0.plusSeconds(1));
        secondDone.countDown();
        other.join(10_000);
        assertEquals(10, first.size());
        assertEquals(10, second.size());
        assertFalse(second.stream().anyMatch(first::contains), "claimed twice: " + first + " / " + second);
        db.inTransaction((EntityManager em) -> assertEquals(0, OutboxRelay.pending(em)));
    }

    private static OutboxRelay.Backlog backlog(Instant now) {
        List<OutboxRelay.Backlog> backlog = new ArrayList<>();
        db.inTransaction(em -> backlog.add(OutboxRelay.backlog(em, now)));
        return backlog.get(0);
    }

    @Test
    void theBacklogCountsPendingAndRetryingRowsAndTheOldestOnesAge() {
        assertEquals(new OutboxRelay.Backlog(0, 0, null), backlog(T0));
        assertEquals("{\"pending\":0,\"retrying\":0,\"oldestPendingSeconds\":null}", backlog(T0).toJson()
                .toString());
        save("sent", T0);
        relay(batch -> {
        }, 10, T0.plusSeconds(1));
        save("first", T0.plusSeconds(10));
        save("second", T0.plusSeconds(20));
        save("third", T0.plusSeconds(30));
        relay(batch -> {
            throw new ConnectException("broker down");
        }, 10, T0.plusSeconds(40));
        OutboxRelay.Backlog backlog = backlog(T0.plusSeconds(100));
        assertEquals(new OutboxRelay.Backlog(3, 1, 90L), backlog, "the sent row is not counted; first was refused");
        assertEquals("{\"pending\":3,\"retrying\":1,\"oldestPendingSeconds\":90}", backlog.toJson().toString());
    }

    @Test
    void anEventSavedWhileARequestIsServedKeepsItsRequestIdForTheBroker() {
        try (var scope = org.mercato.platform.tracing.RequestIds.open("req-0123456789")) {
            save("traced", T0);
        }
        save("untraced", T0.plusSeconds(1));
        List<String> sent = new ArrayList<>();
        relay(each(message -> sent.add(message.headers().eventType() + "=" + message.correlationId())), 10,
                T0.plusSeconds(2));
        assertEquals(List.of("traced=req-0123456789", "untraced=null"), sent);
    }
}
