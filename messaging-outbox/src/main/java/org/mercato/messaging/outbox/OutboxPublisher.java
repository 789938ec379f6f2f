package org.mercato.messaging.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

/**
 * Hands one outbox message to the broker, outside any JTA transaction: inside one, the resource adapter would
 * open a transacted session that nothing commits, and the message would silently never arrive. When this returns,
 * the broker has the (persistent) message.
 */
@JMSConnectionFactoryDefinition(name = OutboxPublisher.CONNECTION_FACTORY, interfaceName = "jakarta.jms.ConnectionFactory", resourceAdapter = "artemis-ra", transactional = false)
@ApplicationScoped
public class OutboxPublisher {

    static final String CONNECTION_FACTORY = "java:app/jms/mercato-outbox";

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory connections;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void publish(OutboxMessage message) throws JMSException {
        try (JMSContext jms = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TextMessage text = jms.createTextMessage(message.payload());
            message.headers().writeTo(text);
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(jms.createTopic(message.topic()),
                    text);
        }
    }
}
