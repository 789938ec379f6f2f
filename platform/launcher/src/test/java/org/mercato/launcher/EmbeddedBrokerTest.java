package org.mercato.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    @TempDir
    Path data;

    /**
     * A burst of events larger than the broker keeps in memory is paged to disk, and every message still reaches a
     * subscription that was not consuming meanwhile, once and intact.
     */
    @Test
    void aBurstBeyondTheMemoryLimitIsPagedToDiskAndNothingIsLost() throws Exception {
        int port = Ports.free();
        int messages = 400;
        byte[] body = new byte[8 * 1024];
        try (EmbeddedBroker broker = EmbeddedBroker.start(data, port, 1024 * 1024);
                ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession()) {
            session.createQueue(QueueConfiguration.of("test-subscription").setAddress("mercato.catalog")
                    .setRoutingType(RoutingType.MULTICAST).setDurable(true));
            assertFalse(broker.isPaging("mercato.catalog"));
            try (ClientProducer producer = session.createProducer("mercato.catalog")) {
                for (int i = 0; i < messages; i++) {
                    ClientMessage message = session.createMessage(true);
                    message.putIntProperty("number", i);
                    message.getBodyBuffer().writeBytes(body);
                    producer.send(message);
                }
            }
            // 400 x 8 KiB = 3.2 MiB of messages against a limit of 1 MiB
            assertTrue(broker.isPaging("mercato.catalog"), "the address pages beyond the memory limit");
            assertTrue(Files.list(data.resolve("paging")).findAny().isPresent(), "page files on disk");
            session.start();
            Set<Integer> received = new HashSet<>();
            try (ClientConsumer consumer = session.createConsumer("test-subscription")) {
                for (int i = 0; i < messages; i++) {
                    ClientMessage message = consumer.receive(10_000);
                    assertNotNull(message, "message " + i + " of " + messages);
                    assertEquals(body.length, message.getBodyBuffer().readableBytes());
                    assertTrue(received.add(message.getIntProperty("number")), "delivered twice");
                    message.acknowledge();
                }
                assertNull(consumer.receiveImmediate(), "no message beyond those sent");
            }
            assertEquals(messages, received.size());
        }
    }
}
