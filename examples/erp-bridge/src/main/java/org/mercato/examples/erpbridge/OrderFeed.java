package org.mercato.examples.erpbridge;

import java.io.IOException;
import java.time.Instant;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The bridge's listening side: a shared durable subscription of its own on {@code mercato.orders} that selects
 * {@code OrderPlaced} and {@code OrderCancelled}. Each message is booked into the ledger and then acknowledged in a
 * local JMS transaction, so a message is lost neither when the bridge stops nor when it crashes; one it can never book
 * is parked on {@code DLQ.mercato.orders} with the reason, in the same transaction, and the feed carries on.
 */
final class OrderFeed {

    /** The subscription's message selector: the two order events the ledger books. */
    static final String SELECTOR = "eventType IN ('" + OrderEvents.ORDER_PLACED + "', '" + OrderEvents.ORDER_CANCELLED
            + "')";
    /**
     * The topic's dead-letter queue, named as Artemis's fully qualified queue name ({@code address::queue}): the
     * address {@code DLQ} has a queue per original topic.
     */
    static final String PARKING_QUEUE = "DLQ::DLQ." + Envelope.ORDERS_TOPIC;
    /** Artemis's property naming a dead letter's original address; the queue {@code DLQ.mercato.orders} filters on it. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    /** How long one receive waits: the longest a stop request waits for the loop to notice it. */
    private static final long RECEIVE_WAIT_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(OrderFeed.class.getName());

    private final BridgeSettings settings;
    private final Ledger ledger;
    private volatile boolean stopRequested;
    private volatile JMSException connectionLost;

    /** A feed that books into {@code ledger}; it connects when {@link #run()} is called. */
    OrderFeed(BridgeSettings settings, Ledger ledger) {
        this.settings = settings;
        this.ledger = ledger;
    }

    /**
     * Connects, subscribes (creating the durable subscription the first time) and books messages until
     * {@link #requestStop()}; then closes the connection, leaving the subscription on the broker to keep what arrives
     * while the bridge is away.
     *
     * @throws JMSException
     *             when the broker cannot be reached, refuses the subscription, or the connection is lost
     */
    void run() throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.brokerUrl());
                Connection connection = factory.createConnection()) {
            if (settings.clientId() != null) {
                connection.setClientID(settings.clientId());
            }
            // the client tells of a lost connection here; a receive on it may just come back empty
            connection.setExceptionListener(lost -> connectionLost = lost);
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createSharedDurableConsumer(session.createTopic(
                    Envelope.ORDERS_TOPIC), settings.subscription(), SELECTOR);
            MessageProducer parking = session.createProducer(session.createQueue(PARKING_QUEUE));
            connection.start();
            LOG.info(() -> "Subscribed to " + Envelope.ORDERS_TOPIC + " as '" + settings.subscription() + "' ("
                    + SELECTOR + ") on " + settings.brokerUrl() + "; booking into " + ledger.file() + " ("
                    + ledger.size() + " entries so far)");
            while (!stopRequested) {
                if (connectionLost != null) {
                    throw connectionLost;
                }
                Message message = consumer.receive(RECEIVE_WAIT_MILLIS);
                if (message != null) {
                    book(session, parking, message);
                }
            }
        }
    }

    /** Asks {@link #run()} to return after the message in hand (within about a second); callable from any thread. */
    void requestStop() {
        stopRequested = true;
    }

    private void book(Session session, MessageProducer parking, Message message) throws JMSException {
        Delivery delivery = Delivery.of(message);
        try {
            LedgerEntry entry = OrderEvents.read(delivery, Instant.now());
            boolean booked = ledger.record(entry);
            session.commit();
            if (booked) {
                LOG.info(() -> "Booked " + describe(entry));
            } else {
                LOG.info(() -> "Skipped event " + entry.eventId() + " (" + entry.eventType() + " of order "
                        + entry.orderId() + "): booked already, this is a redelivery");
            }
        } catch (UnusableEvent e) {
            park(session, parking, message, delivery, e.getMessage());
            session.commit();
            LOG.warning(() -> "Parked event " + delivery.eventId() + " (" + delivery.eventType() + ") on DLQ."
                    + Envelope.ORDERS_TOPIC + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            // the ledger could not take it now: the broker redelivers with back-off, then dead-letters it
            session.rollback();
            LOG.log(Level.WARNING, "Could not book event " + delivery.eventId() + "; the broker will redeliver it", e);
        }
    }

    /** A copy of the message, its properties and the reason, on the topic's dead-letter queue. */
    private static void park(Session session, MessageProducer parking, Message message, Delivery delivery,
            String reason) throws JMSException {
        TextMessage copy = session.createTextMessage(delivery.body() == null ? "" : delivery.body());
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements();) {
            String name = (String) names.nextElement();
            if (!name.startsWith("JMSX") && !name.startsWith("_")) {
                copy.setObjectProperty(name, message.getObjectProperty(name));
            }
        }
        copy.setJMSCorrelationID(message.getJMSCorrelationID());
        copy.setStringProperty(Envelope.REJECTED_REASON, "erp-bridge: " + reason);
        copy.setStringProperty(ORIGINAL_ADDRESS, Envelope.ORDERS_TOPIC);
        parking.send(copy);
    }

    private static String describe(LedgerEntry entry) {
        StringBuilder text = new StringBuilder(entry.eventType()).append(" of order ").append(entry.orderId())
                .append(": ").append(entry.lines().size()).append(entry.lines().size() == 1 ? " line, " : " lines, ")
                .append(entry.units()).append(entry.units() == 1 ? " unit" : " units");
        if (entry.total() != null) {
            text.append(", ").append(entry.total().display());
        }
        if (entry.reason() != null) {
            text.append(", reason '").append(entry.reason()).append('\'');
        }
        return text.append(" (event ").append(entry.eventId()).append(')').toString();
    }
}
