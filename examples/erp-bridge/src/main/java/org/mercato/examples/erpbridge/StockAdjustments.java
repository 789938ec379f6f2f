package org.mercato.examples.erpbridge;

import java.time.Instant;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Publishes {@code StockAdjusted} on {@code mercato.inventory} with Mercato's envelope. Inventory applies each event
 * id once, so sending the same adjustment again under the same event id (after a send whose outcome is unknown) is
 * safe.
 */
final class StockAdjustments {

    private StockAdjustments() {
    }

    /**
     * Sends one adjustment as a persistent message; returns when the broker has stored it (the Artemis client waits
     * for the broker's answer to a persistent send).
     *
     * @param eventId
     *            the event's id, a UUID: a new one for a new adjustment, the earlier one to resend it
     * @param correlationId
     *            the {@code JMSCorrelationID}, {@code null} for none; see
     *            {@link StockAdjustment#isValidCorrelationId(String)}
     * @throws JMSException
     *             when the broker cannot be reached or refuses the message
     */
    static void publish(String brokerUrl, StockAdjustment adjustment, String eventId, String correlationId)
            throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
                Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(Envelope.INVENTORY_TOPIC));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            TextMessage message = session.createTextMessage(adjustment.toJson().toString());
            message.setStringProperty(Envelope.EVENT_TYPE, StockAdjustment.EVENT_TYPE);
            message.setStringProperty(Envelope.EVENT_ID, eventId);
            message.setStringProperty(Envelope.OCCURRED_AT, Instant.now().toString());
            message.setIntProperty(Envelope.SCHEMA_VERSION, Envelope.KNOWN_SCHEMA_VERSION);
            if (correlationId != null) {
                message.setJMSCorrelationID(correlationId);
            }
            producer.send(message);
        }
    }
}
