package org.mercato.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;

/**
 * Publishes pending outbox rows in the order they occurred. Rows are claimed with {@code FOR UPDATE SKIP LOCKED},
 * so several instances of a service relay side by side without sending a row twice at the same time. A row is
 * marked sent only after the broker accepted it; if the transaction that marks it fails, it is sent again later,
 * which is why consumers deduplicate by event id (at-least-once delivery, exactly-once effect).
 * <p>
 * Each pass hands its rows to the broker as one batch (one broker transaction). When the broker is down the
 * batch's first row is given a back-off (1 s doubling to 60 s) and the batch stops,
 * so later events do not overtake it and nothing is lost: rows wait in the database until the broker is back.
 */
public final class OutboxRelay {

    /**
     * Hands a batch of messages to the broker in their order, all or none: when it returns, the broker has every
     * one of them; when it throws, none of them is delivered.
     */
    @FunctionalInterface
    public interface Sender {
        void send(List<OutboxMessage> batch) throws Exception;
    }

    /** What one pass did, for logs and metrics. */
    public record Pass(int sent, boolean failed, String error) {
    }

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);

    private OutboxRelay() {
    }

    /** Sends up to {@code max} due rows; call inside a transaction, which the caller commits. */
    public static Pass relay(EntityManager em, Sender sender, int max, Instant now) {
        @SuppressWarnings("unchecked")
        // due rows, but none that occurred after an event still waiting out its back-off: nothing overtakes
        List<OutboxMessage> due = em.createNativeQuery("select * from outbox_message where sent_at is null"
                + " and next_attempt_at <= ?1 and occurred_at < coalesce((select min(w.occurred_at)"
                + " from outbox_message w where w.sent_at is null and w.next_attempt_at > ?1), 'infinity')"
                + " order by occurred_at, id limit ?2 for update skip locked", OutboxMessage.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, max).getResultList();
        if (due.isEmpty()) {
            return new Pass(0, false, null);
        }
        try {
            sender.send(due);
        } catch (Exception e) {
            // none of the batch was delivered: the first row waits out its back-off and the others wait behind it
            due.get(0).failed(e.toString(), now.plus(backOff(due.get(0).attempts())));
            return new Pass(0, true, e.toString());
        }
        for (OutboxMessage message : due) {
            message.sent(now);
        }
        return new Pass(due.size(), false, null);
    }

    /** Rows still waiting (for the health check and the operator). */
    public static long pending(EntityManager em) {
        return ((Number) em.createNativeQuery("select count(*) from outbox_message where sent_at is null")
                .getSingleResult()).longValue();
    }

    /**
     * What waits in the outbox, for the operator ({@code GET <service>/api/outbox}). The outbox has no terminal
     * failed state: a row the broker refused is retried with back-off until it is sent.
     *
     * @param pending rows not yet sent, whatever their attempts
     * @param retrying of those, rows whose publication failed at least once (now waiting out their back-off)
     * @param oldestPendingSeconds whole seconds since the oldest unsent event occurred; null when none waits
     */
    public record Backlog(long pending, long retrying, Long oldestPendingSeconds) {

        /** As the API answers it: {@code {pending, retrying, oldestPendingSeconds (null when none)}}. */
        public JsonObject toJson() {
            JsonObjectBuilder json = Json.createObjectBuilder().add("pending", pending).add("retrying", retrying);
            return (oldestPendingSeconds == null
                    ? json.addNull("oldestPendingSeconds")
                    : json.add("oldestPendingSeconds", oldestPendingSeconds)).build();
        }
    }

    /** The backlog as of {@code now}, in one query over the unsent rows (the partial index {@code outbox_message_due}). */
    public static Backlog backlog(EntityManager em, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where attempts > 0),"
                + " min(occurred_at) from outbox_message where sent_at is null").getSingleResult();
        Instant oldest = instant(row[2]);
        return new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), oldest == null
                ? null
                : Math.max(0, Duration.between(oldest, now).getSeconds()));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.parse(String.valueOf(value));
    }

    /** Deletes rows sent before {@code before}; the broker and the consumers have them. */
    public static int purgeSent(EntityManager em, Instant before) {
        return em.createNativeQuery("delete from outbox_message where sent_at < ?")
                .setParameter(1, before.atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    static Duration backOff(int attemptsSoFar) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attemptsSoFar, 10));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }
}
