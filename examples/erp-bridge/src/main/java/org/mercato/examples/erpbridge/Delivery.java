package org.mercato.examples.erpbridge;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * What one received message carries, read off the JMS message once: its envelope properties, its correlation id and
 * its body. Any of them may be missing ({@code null}); {@link OrderEvents} decides what is usable.
 *
 * @param eventType
 *            the {@code eventType} property
 * @param eventId
 *            the {@code eventId} property (a UUID)
 * @param occurredAt
 *            the {@code occurredAt} property (an ISO-8601 instant), as sent
 * @param schemaVersion
 *            the {@code schemaVersion} property as sent (an int property; a string holding digits is read too)
 * @param correlationId
 *            the {@code JMSCorrelationID} header: the request that caused the event
 * @param body
 *            the text of a text message, {@code null} for any other kind of message
 */
record Delivery(String eventType, String eventId, String occurredAt, String schemaVersion, String correlationId,
        String body) {

    /**
     * Reads a received message.
     *
     * @throws JMSException
     *             when the message cannot be read (the session is gone)
     */
    static Delivery of(Message message) throws JMSException {
        Object version = message.getObjectProperty(Envelope.SCHEMA_VERSION);
        return new Delivery(message.getStringProperty(Envelope.EVENT_TYPE), message.getStringProperty(
                Envelope.EVENT_ID), message.getStringProperty(Envelope.OCCURRED_AT),
                version == null
                        ? null
                        : version.toString(),
                message.getJMSCorrelationID(), message instanceof TextMessage text
                        ? text.getText()
                        : null);
    }
}
