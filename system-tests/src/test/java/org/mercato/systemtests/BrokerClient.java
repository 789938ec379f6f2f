package org.mercato.systemtests;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** An outside system on the platform's Artemis broker, with a plain JMS client, as an integrator would connect. */
final class BrokerClient implements AutoCloseable {

    private final Connection connection;
    private final Session session;

    BrokerClient() throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + PlatformExtension.platform().brokerPort());
        connection = factory.createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    MessageConsumer subscribe(String topic) throws JMSException {
        return session.createConsumer(session.createTopic(topic));
    }

    /** A consumer on one of the broker's dead-letter queues, e.g. "DLQ.mercato.inventory". */
    MessageConsumer deadLetters(String queue, String selector) throws JMSException {
        return session.createConsumer(session.createQueue("DLQ::" + queue), selector);
    }

    /** Publishes a message with Mercato's headers; returns its event id. */
    String publish(String topic, String eventType, String body) throws JMSException {
        return publish(topic, eventType, body, UUID.randomUUID().toString(), Instant.now());
    }

    String publish(String topic, String eventType, String body, String eventId, Instant occurredAt)
            throws JMSException {
        return publish(topic, eventType, 1, body, eventId, occurredAt);
    }

    /** Publishes a message with Mercato's headers and the given body version. */
    String publish(String topic, String eventType, int schemaVersion, String body, String eventId,
            Instant occurredAt) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createTopic(topic))) {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("eventType", eventType);
            message.setStringProperty("eventId", eventId);
            message.setStringProperty("occurredAt", occurredAt.toString());
            message.setIntProperty("schemaVersion", schemaVersion);
            // left out of the contract check of what services publish (EventRecorder): often malformed on purpose
            message.setStringProperty(EventRecorder.TEST_MARKER, "system-tests");
            producer.send(message);
        }
        return eventId;
    }

    /** The next message the predicate accepts, within the timeout, skipping others. */
    static Message next(MessageConsumer consumer, Duration timeout, Predicate<Message> wanted) throws JMSException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = consumer.receive(500);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching message within " + timeout);
    }

    static JsonObject json(Message message) {
        try {
            return Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
