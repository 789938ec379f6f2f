package org.mercato.messaging.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;

/**
 * Hands a batch of outbox messages to the broker in one local JMS transaction, outside any JTA transaction (inside
 * one, the resource adapter would enlist the session in the JTA transaction instead). The broker makes the whole
 * batch durable at its commit, with one journal sync, where one blocking persistent send per message cost a sync
 * each (the relay's ceiling was about 100 events/s on this kind of machine). When {@link #publish(List)} returns,
 * the broker has every message of the batch; when it throws, it has none of them (the transaction rolled back, or
 * the commit failed and the relay sends them again: consumers deduplicate by event id).
 *
 * <p>
 * Local transactions outside JTA are the provider's choice in Jakarta EE; Mercato's resource adapter allows them
 * ({@code AllowLocalTransactions}, declared in platform/artemis-ra's ra.xml and set for this factory's pool in the
 * post-boot command file docker/payara/postboot/jms.asadmin, with no transaction support).
 */
@ApplicationScoped
public class OutboxPublisher {

    static final String CONNECTION_FACTORY = "jms/mercato-outbox";

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory connections;

    /**
     * Sends {@code messages} in their order as persistent messages, all or none.
     *
     * @throws JMSException when the broker did not take the batch (none of it is delivered)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void publish(List<OutboxMessage> messages) throws JMSException {
        if (messages.isEmpty()) {
            return;
        }
        // the classic API: the resource adapter refuses a JMSContext in SESSION_TRANSACTED mode outside JTA, but
        // gives a locally transacted Session when local transactions are allowed
        try (Connection connection = connections.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            try {
                MessageProducer producer = session.createProducer(null);
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                // one Topic per name for the batch: Artemis asks the broker whether an address exists (a blocking
                // round trip) at each createTopic and at the first send to each Topic object, which made two
                // round trips per message and bounded the relay at a few hundred events a second
                Map<String, Topic> topics = new HashMap<>();
                for (OutboxMessage message : messages) {
                    TextMessage text = session.createTextMessage(message.payload());
                    message.headers().writeTo(text);
                    if (message.correlationId() != null) {
                        text.setJMSCorrelationID(message.correlationId());
                    }
                    Topic topic = topics.get(message.topic());
                    if (topic == null) {
                        topic = session.createTopic(message.topic());
                        topics.put(message.topic(), topic);
                    }
                    producer.send(topic, text);
                }
                session.commit();
            } catch (JMSException | RuntimeException e) {
                try {
                    session.rollback();
                } catch (JMSException | RuntimeException ignored) {
                    // the session is gone with the broker: nothing of the batch was committed
                }
                throw e;
            }
        }
    }
}
