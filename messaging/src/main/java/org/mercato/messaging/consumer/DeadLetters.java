package org.mercato.messaging.consumer;

import java.util.Enumeration;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * Parks a message that can never be applied on {@code DLQ.<topic>} (the queue the broker itself dead-letters to
 * after its redeliveries) with the reason in the property {@value #REJECTED_REASON}. The send joins the caller's
 * transaction where there is one ({@link IdempotentConsumer}: the copy is parked exactly when the event id is
 * recorded); the message itself is acknowledged after that. Should that acknowledgement be lost, the redelivered
 * message is known by its event id; a message without a readable id may then be parked twice.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REJECTED_REASON = "mercatoRejectedReason";
    /**
     * The broker's XA connection factory, created by the Payara post-boot command file docker/payara/postboot/jms.asadmin
     * (docs/deploy.md, "Operating Payara"), not by code.
     */
    static final String CONNECTION_FACTORY = "jms/mercato";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Inject
    @JMSConnectionFactory(CONNECTION_FACTORY)
    JMSContext jms;

    @Inject
    org.mercato.platform.metrics.ShopMetrics metrics;

    public void park(Message message, String topic, String reason) {
        try {
            String body = message instanceof TextMessage text ? text.getText() : String.valueOf(message);
            TextMessage copy = jms.createTextMessage(body);
            for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements();) {
                String name = (String) names.nextElement();
                if (!name.startsWith("JMSX") && !name.startsWith("_")) {
                    copy.setObjectProperty(name, message.getObjectProperty(name));
                }
            }
            copy.setStringProperty(REJECTED_REASON, reason);
            copy.setStringProperty("_AMQ_ORIG_ADDRESS", topic);
            jms.createProducer().send(jms.createQueue("DLQ::DLQ." + topic), copy);
            metrics.count("mercato.events.dead.lettered", "Messages this service parked on a dead-letter queue as"
                    + " never applicable, by topic", "topic", topic);
            String eventId = message.getStringProperty(org.mercato.messaging.EventHeaders.EVENT_ID);
            String requestId = org.mercato.platform.tracing.RequestIds.current().orElse("-");
            LOG.warning(() -> "Rejected a message from " + topic + " (event " + eventId + ", request " + requestId
                    + ") to DLQ." + topic + ": " + reason);
        } catch (JMSException e) {
            // could not park it: the broker redelivers it and, in the end, dead-letters it itself
            throw new IllegalStateException("could not dead-letter a rejected message", e);
        }
    }
}
