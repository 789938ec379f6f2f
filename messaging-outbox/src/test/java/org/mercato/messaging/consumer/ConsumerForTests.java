package org.mercato.messaging.consumer;

import java.time.Clock;
import java.util.List;

import jakarta.jms.Message;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The real idempotent consumer (envelope reading, event ids in {@code processed_event}) over a test's
 * EntityManager and RESOURCE_LOCAL transaction, outside a container; parked messages are collected instead of
 * sent to a broker. Lives in the consumer's package to set what CDI would inject.
 */
public final class ConsumerForTests {

    /** A message the consumer would have put on {@code DLQ.<topic>}. */
    public record Parked(String topic, String reason) {
    }

    private ConsumerForTests() {
    }

    public static IdempotentConsumer over(EntityManager em, Clock clock, List<Parked> parked) {
        ProcessedEvents processed = new ProcessedEvents();
        processed.em = em;
        processed.clock = clock;
        IdempotentConsumer consumer = new IdempotentConsumer();
        consumer.processed = processed;
        consumer.deadLetters = new DeadLetters() {
            @Override
            public void park(Message message, String topic, String reason) {
                parked.add(new Parked(topic, reason));
            }
        };
        consumer.transactions = new LocalTransaction(em);
        return consumer;
    }

    /** Only what the consumer asks of the registry: whether the transaction is doomed. */
    private record LocalTransaction(EntityManager em) implements TransactionSynchronizationRegistry {

        @Override
        public boolean getRollbackOnly() {
            return em.getTransaction().getRollbackOnly();
        }

        @Override
        public void setRollbackOnly() {
            em.getTransaction().setRollbackOnly();
        }

        @Override
        public Object getTransactionKey() {
            return em.getTransaction();
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return jakarta.transaction.Status.STATUS_ACTIVE;
        }
    }
}
