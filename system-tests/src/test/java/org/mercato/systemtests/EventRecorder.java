package org.mercato.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * Listens on every Mercato topic for the whole run of the system tests and checks each event a service publishes
 * against its contract: the envelope (eventType, a UUID eventId, an ISO-8601 occurredAt, schemaVersion) and the
 * body against {@code docs/schemas/<eventType>.v<schemaVersion>.json} (json-schema-validator, formats asserted).
 * Messages the tests themselves publish ({@link BrokerClient#publish}, marked {@value #TEST_MARKER}) are left
 * out: many are malformed on purpose.
 */
final class EventRecorder implements AutoCloseable {

    /** The property {@link BrokerClient} sets on what the tests publish. */
    static final String TEST_MARKER = "mercatoPublishedBy";
    static final Path SCHEMAS = Path.of(System.getProperty("mercato.schemas.dir", "../docs/schemas"))
            .toAbsolutePath();
    private static final String[] TOPICS = {"mercato.catalog", "mercato.inventory", "mercato.orders",
            "mercato.fulfillment"};

    private final int brokerPort;
    private final java.util.concurrent.atomic.AtomicInteger reconnects = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Connection connection;
    private volatile boolean closed;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> validByType = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One event as received: its type and the JSON text of its body. */
    record Received(String topic, String eventType, String body) {
    }

    EventRecorder(int brokerPort) throws JMSException {
        this.brokerPort = brokerPort;
        connection = connect();
    }

    /**
     * A connection with a consumer on every topic. Some tests stop and start the shared broker: a lost connection
     * is made again (what is published meanwhile goes unchecked), so the check goes on for the rest of the run.
     */
    private Connection connect() throws JMSException {
        Connection opened = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort).createConnection();
        try {
            opened.setExceptionListener(failure -> reconnect());
            for (String topic : TOPICS) {
                Session session = opened.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createConsumer(session.createTopic(topic)).setMessageListener(message -> check(topic,
                        message));
            }
            opened.start();
            return opened;
        } catch (JMSException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private void reconnect() {
        Thread again = new Thread(() -> {
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
            while (!closed && System.nanoTime() < deadline) {
                try {
                    Connection lost = connection;
                    connection = connect();
                    reconnects.incrementAndGet();
                    try {
                        lost.close();
                    } catch (JMSException | RuntimeException alreadyGone) {
                        // nothing to close
                    }
                    return;
                } catch (JMSException | RuntimeException brokerStillDown) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (!closed) {
                violations.add("the recorder could not reconnect to the broker within 3 minutes");
            }
        }, "event-recorder-reconnect");
        again.setDaemon(true);
        again.start();
    }

    /** How often the connection was made again after the broker went away. */
    int reconnects() {
        return reconnects.get();
    }

    private void check(String topic, Message message) {
        try {
            if (message.getStringProperty(TEST_MARKER) != null) {
                return;
            }
            String type = message.getStringProperty("eventType");
            String where = topic + " " + type + " " + message.getStringProperty("eventId");
            List<String> problems = new ArrayList<>();
            try {
                UUID.fromString(message.getStringProperty("eventId"));
                Instant.parse(message.getStringProperty("occurredAt"));
            } catch (RuntimeException e) {
                problems.add("envelope: " + e.getMessage());
            }
            if (!message.propertyExists("schemaVersion") || !(message.getObjectProperty(
                    "schemaVersion") instanceof Integer)) {
                problems.add("envelope: schemaVersion is not an int property");
            }
            String body = message instanceof TextMessage text ? text.getText() : null;
            if (body == null) {
                problems.add("the body is not JSON text");
            } else if (type != null && problems.isEmpty()) {
                String file = type + ".v" + message.getIntProperty("schemaVersion") + ".json";
                Schema schema = schema(file);
                if (schema == null) {
                    problems.add("no published schema " + file);
                } else {
                    schema.validate(body, InputFormat.JSON).forEach(error -> problems.add(error.toString()));
                }
            }
            if (problems.isEmpty()) {
                validByType.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
                received.add(new Received(topic, type, body));
            } else if (violations.size() < 100) {
                violations.add(where + ": " + problems + " in " + body);
            }
        } catch (JMSException | RuntimeException | Error e) {
            violations.add(topic + ": unreadable message: " + e);
        }
    }

    private Schema schema(String file) {
        return schemas.computeIfAbsent(file, f -> {
            try {
                Path path = SCHEMAS.resolve(f);
                return Files.exists(path)
                        ? SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                                registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                        .formatAssertionsEnabled(true).build()))
                                .getSchema(Files.readString(path),
                                        InputFormat.JSON)
                        : null;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** What broke a contract so far (at most 100), each naming the event and the schema errors. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many valid events of the type were received. */
    long valid(String eventType) {
        AtomicLong count = validByType.get(eventType);
        return count == null ? 0 : count.get();
    }

    /** The valid events received so far. */
    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws JMSException {
        closed = true;
        connection.close();
    }
}
