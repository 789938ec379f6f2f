package org.mercato.admin.infrastructure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

import org.mercato.messaging.Topics;

/**
 * The broker's dead-letter queues, one per topic ({@code DLQ.<topic>} on the address {@code DLQ}, docs/events.md):
 * what is parked there, and the operator's two ways out: retry (the message goes back where it came from, its
 * original subscription when the broker recorded it, else its topic, whose other subscribers skip it as an event
 * they already applied) or discard. Taking the message off the queue and sending it on happen in one JTA
 * transaction, so a retry never loses nor doubles it.
 */
@ApplicationScoped
public class DeadLetterQueues {

    /** The broker's XA connection factory, from the post-boot command file docker/payara/postboot/jms.asadmin. */
    static final String CONNECTION_FACTORY = "jms/mercato";
    /** Why a consumer parked the message (messaging-outbox DeadLetters). */
    static final String REASON = "mercatoRejectedReason";
    static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    /** At most this many messages of one queue are listed. */
    public static final int SHOWN = 100;
    /** At most this many messages of one queue are read to find the newest. */
    static final int READ = 5_000;

    /** One parked message as the console shows it. */
    public record Parked(String messageId, String topic, String eventType, String eventId, String occurredAt,
            String reason, String originalQueue, int deliveries, String body, Map<String, String> properties)
            implements
                java.io.Serializable {
    }

    @Inject
    @JMSConnectionFactory(CONNECTION_FACTORY)
    JMSContext jms;

    /** The topics whose dead letters the console shows. */
    public List<String> topics() {
        return List.of(Topics.all());
    }

    /** The newest {@link #SHOWN} messages parked for {@code topic} (of the first {@link #READ} in the queue). */
    public List<Parked> browse(String topic) {
        check(topic);
        try (QueueBrowser browser = jms.createBrowser(jms.createQueue(queue(topic)))) {
            java.util.ArrayDeque<Message> newest = new java.util.ArrayDeque<>();
            Enumeration<?> messages = browser.getEnumeration();
            for (int read = 0; messages.hasMoreElements() && read < READ; read++) {
                newest.addFirst((Message) messages.nextElement());
                if (newest.size() > SHOWN) {
                    newest.removeLast();
                }
            }
            List<Parked> parked = new ArrayList<>();
            for (Message message : newest) {
                parked.add(view(topic, message));
            }
            return parked;
        } catch (JMSException | JMSRuntimeException e) {
            throw new ServiceFailure(503, "The message broker is not answering right now (" + e.getMessage() + ").");
        }
    }

    /** Sends the message back to where it came from; false when it is no longer parked (someone else acted). */
    @Transactional
    public boolean retry(String topic, String messageId) {
        Message message = take(topic, messageId);
        if (message == null) {
            return false;
        }
        try {
            String body = message instanceof TextMessage text ? text.getText() : "";
            TextMessage copy = jms.createTextMessage(body);
            for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements();) {
                String name = (String) names.nextElement();
                if (!name.startsWith("JMSX") && !name.startsWith("_") && !name.equals(REASON)) {
                    copy.setObjectProperty(name, message.getObjectProperty(name));
                }
            }
            String originalQueue = message.getStringProperty(ORIGINAL_QUEUE);
            Destination destination = originalQueue == null || originalQueue.isBlank()
                    ? jms.createTopic(topic)
                    : jms.createQueue(topic + "::" + originalQueue);
            jms.createProducer().send(destination, copy);
            return true;
        } catch (JMSException | JMSRuntimeException e) {
            throw new ServiceFailure(503, "The message broker is not answering right now (" + e.getMessage() + ").");
        }
    }

    /** Removes the message for good; false when it is no longer parked. */
    @Transactional
    public boolean discard(String topic, String messageId) {
        return take(topic, messageId) != null;
    }

    private Message take(String topic, String messageId) {
        check(topic);
        if (messageId == null || !messageId.matches("ID:[0-9A-Za-z-]{1,100}")) {
            throw new ServiceFailure(400, "Not a message id: " + messageId);
        }
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(queue(topic)), "JMSMessageID = '"
                + messageId + "'")) {
            return consumer.receive(2_000);
        } catch (JMSRuntimeException e) {
            throw new ServiceFailure(503, "The message broker is not answering right now (" + e.getMessage() + ").");
        }
    }

    private static void check(String topic) {
        if (!List.of(Topics.all()).contains(topic)) {
            throw new ServiceFailure(400, "Not one of Mercato's topics: " + topic);
        }
    }

    /** The fully qualified name of the topic's dead-letter queue: address {@code DLQ}, queue {@code DLQ.<topic>}. */
    static String queue(String topic) {
        return "DLQ::DLQ." + topic;
    }

    private static Parked view(String topic, Message message) throws JMSException {
        Map<String, String> properties = new TreeMap<>();
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements();) {
            String name = (String) names.nextElement();
            Object value = message.getObjectProperty(name);
            properties.put(name, value == null ? "" : value.toString());
        }
        String reason = message.getStringProperty(REASON);
        int deliveries = message.propertyExists("JMSXDeliveryCount")
                ? message.getIntProperty("JMSXDeliveryCount")
                : 0;
        if (reason == null) {
            reason = "not applied after the broker's redeliveries";
        }
        String body = message instanceof TextMessage text ? text.getText() : String.valueOf(message);
        return new Parked(message.getJMSMessageID(), topic, message.getStringProperty("eventType"), message
                .getStringProperty("eventId"), message.getStringProperty("occurredAt"), reason,
                message
                        .getStringProperty(ORIGINAL_QUEUE),
                deliveries, body, Collections.unmodifiableMap(
                        properties));
    }
}
