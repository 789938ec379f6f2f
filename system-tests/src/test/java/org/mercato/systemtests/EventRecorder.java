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

    private final Connection connection;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> validByType = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One event as received: its type and the JSON text of its body. */
    record Received(String topic, String eventType, String body) {
    }

    EventRecorder(int brokerPort) throws JMSException {
        connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort).createConnection();
        // a lost connection would stop the check silently: it is a violation of its own
        connection.setExceptionListener(failure -> violations.add("the recorder's connection failed: " + failure));
        for (String topic : TOPICS) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createTopic(topic)).setMessageListener(message -> check(topic, message));
        }
        connection.start();
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
        } catch (JMSException | RuntimeException e) {
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
        connection.close();
    }
}
