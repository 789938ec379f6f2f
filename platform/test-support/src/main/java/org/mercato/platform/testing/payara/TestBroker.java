package org.mercato.platform.testing.payara;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.Topics;
import org.mercato.messaging.consumer.DeadLetters;

/**
 * ActiveMQ Artemis on 127.0.0.1 for in-container tests, set up as the launcher's broker (platform/launcher
 * {@code EmbeddedBroker}, which the WARs cannot depend on): Mercato's topics, redelivery with back-off then the
 * dead-letter address {@code DLQ} with a queue per topic; and a plain JMS client on it, as another service or an
 * integrating system would use.
 */
public final class TestBroker implements AutoCloseable {

    /** The broker's redelivery policy, the launcher's: 5 deliveries, 1 s doubling up to 30 s, then DLQ. */
    public static final int MAX_DELIVERY_ATTEMPTS = 5;
    public static final long REDELIVERY_DELAY_MS = 1000;
    /** How long {@link #parkedReason} waits for a dead letter. */
    public static final int DEAD_LETTER_WAIT_SECONDS = 20;

    private final EmbeddedActiveMQ server;
    private final int port;
    private final Connection connection;
    private final Session session;

    private TestBroker(EmbeddedActiveMQ server, int port) throws JMSException {
        this.server = server;
        this.port = port;
        this.connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port).createConnection();
        this.connection.start();
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    static TestBroker start(Path directory, int port) throws Exception {
        Configuration config = new ConfigurationImpl().setName("mercato-it").setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO).setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString()).setLargeMessagesDirectory(directory
                        .resolve("large-messages").toString())
                .setPagingDirectory(directory.resolve("paging")
                        .toString())
                .setSecurityEnabled(false).addAcceptorConfiguration("tcp",
                        "tcp://127.0.0.1:" + port);
        config.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")).setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(REDELIVERY_DELAY_MS).setRedeliveryMultiplier(2.0).setMaxRedeliveryDelay(30_000)
                .setAutoCreateDeadLetterResources(true));
        config.addQueueConfiguration(QueueConfiguration.of("ExpiryQueue").setRoutingType(RoutingType.ANYCAST));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        for (String topic : Topics.all()) {
            server.getActiveMQServer().addAddressInfo(new AddressInfo(SimpleString.of(topic)).addRoutingType(
                    RoutingType.MULTICAST));
            // filtered as the launcher's, so one topic's dead letters never reach another's queue
            server.getActiveMQServer().createQueue(QueueConfiguration.of("DLQ." + topic).setAddress("DLQ")
                    .setRoutingType(RoutingType.ANYCAST).setFilterString("_AMQ_ORIG_ADDRESS = '" + topic + "'")
                    .setAutoCreateAddress(true));
        }
        return new TestBroker(server, port);
    }

    public int port() {
        return port;
    }

    /** Publishes an event with Mercato's envelope (docs/events.md); returns the message sent. */
    public Message publish(String topic, String eventType, String eventId, int schemaVersion, String body)
            throws JMSException {
        return publish(topic, eventType, eventId, schemaVersion, Instant.now(), body);
    }

    /** Publishes an event that occurred at the given time (news that arrives late, out of order). */
    public Message publish(String topic, String eventType, String eventId, int schemaVersion, Instant occurredAt,
            String body) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        if (eventType != null) {
            message.setStringProperty(EventHeaders.EVENT_TYPE, eventType);
        }
        if (eventId != null) {
            message.setStringProperty(EventHeaders.EVENT_ID, eventId);
        }
        message.setStringProperty(EventHeaders.OCCURRED_AT, occurredAt.toString());
        message.setIntProperty(EventHeaders.SCHEMA_VERSION, schemaVersion);
        try (MessageProducer producer = session.createProducer(session.createTopic(topic))) {
            producer.send(message);
        }
        return message;
    }

    /** Publishes a version 1 event under a new event id; returns the id. */
    public String publish(String topic, String eventType, String body) throws JMSException {
        String eventId = UUID.randomUUID().toString();
        publish(topic, eventType, eventId, 1, body);
        return eventId;
    }

    /** A subscriber to the topic from now on (open it before the action whose event it waits for). */
    public MessageConsumer subscribe(String topic, String selector) throws JMSException {
        return session.createConsumer(session.createTopic(topic), selector);
    }

    /** The topic's dead-letter queue, {@code DLQ.<topic>} on the address {@code DLQ}. */
    public MessageConsumer deadLetters(String topic, String selector) throws JMSException {
        return session.createConsumer(session.createQueue("DLQ::DLQ." + topic), selector);
    }

    /**
     * The reason ({@code mercatoRejectedReason}, messaging's {@code DeadLetters}) of the first message on the topic's
     * dead-letter queue that the selector picks, or null when none comes within {@value #DEAD_LETTER_WAIT_SECONDS}
     * seconds.
     */
    public String parkedReason(String topic, String selector) throws JMSException {
        try (MessageConsumer dead = deadLetters(topic, selector)) {
            Message message = dead.receive(Duration.ofSeconds(DEAD_LETTER_WAIT_SECONDS).toMillis());
            return message == null ? null : message.getStringProperty(DeadLetters.REJECTED_REASON);
        }
    }

    /** The next text message whose body contains the text (an order id, a SKU), skipping others; null within the time. */
    public static TextMessage nextAbout(MessageConsumer consumer, String text, long millis) throws JMSException {
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; left > 0; left = deadline - System.currentTimeMillis()) {
            Message message = consumer.receive(left);
            if (message instanceof TextMessage body && body.getText().contains(text)) {
                return body;
            }
        }
        return null;
    }

    /** Waits until some subscription whose name contains {@code name} is bound to the topic (a consumer is up). */
    public void awaitSubscription(String topic, String name, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean bound = server.getActiveMQServer().getPostOffice().getAllBindings().filter(
                    binding -> binding instanceof LocalQueueBinding).map(
                            binding -> ((LocalQueueBinding) binding)
                                    .getQueue())
                    .anyMatch(queue -> queue.getAddress().toString().equals(topic) && queue
                            .getName().toString().contains(name) && queue.getConsumerCount() > 0);
            if (bound) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no consumer on a subscription '" + name + "' of " + topic + " within " + limit);
    }

    /** The broker's settings for an address, as its clients get them. */
    public AddressSettings addressSettings(String address) {
        return server.getActiveMQServer().getAddressSettingsRepository().getMatch(address);
    }

    @Override
    public void close() throws Exception {
        try {
            connection.close();
        } finally {
            server.stop();
        }
    }
}
