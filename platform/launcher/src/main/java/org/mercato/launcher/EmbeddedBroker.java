package org.mercato.launcher;

import java.nio.file.Path;
import java.util.logging.Logger;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.mercato.messaging.Topics;

/**
 * ActiveMQ Artemis in the launcher's JVM, persistent under the data directory, listening on loopback only. The
 * topics of DESIGN §3 exist from the start; failed deliveries back off, then land on the dead-letter address
 * {@code DLQ}, in a queue per original address ({@code DLQ.mercato.inventory}, ...) that says where they came from.
 */
final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());
    /** Artemis's audit log writes a line per message at INFO: too much for any console; kept referenced. */
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    static {
        AUDIT.setLevel(java.util.logging.Level.WARNING);
    }

    /** Bytes of messages the broker keeps in memory before paging to disk: 128 MiB. */
    static final long GLOBAL_MAX_SIZE_BYTES = 128L * 1024 * 1024;

    private final EmbeddedActiveMQ server;
    private final int port;

    private EmbeddedBroker(EmbeddedActiveMQ server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedBroker start(Path directory, int port) throws Exception {
        return start(directory, port, GLOBAL_MAX_SIZE_BYTES);
    }

    /** As {@link #start(Path, int)}, paging beyond {@code globalMaxSize} bytes of messages in memory (for tests). */
    static EmbeddedBroker start(Path directory, int port, long globalMaxSize) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("mercato")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setSecurityEnabled(false)
                // messages beyond this many bytes in memory are paged to disk (the paging folder) until consumers
                // catch up: a burst of events (a large demo catalog's stocking, about 330,000 messages for 100,000
                // products) costs disk, not the launcher's memory (Artemis's default is half the JVM's heap)
                .setGlobalMaxSize(globalMaxSize)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                .setMaxDeliveryAttempts(5)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(30_000)
                .setAutoCreateDeadLetterResources(true));
        config.addQueueConfiguration(QueueConfiguration.of("ExpiryQueue").setRoutingType(RoutingType.ANYCAST));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        for (String topic : Topics.all()) {
            if (server.getActiveMQServer().getAddressInfo(SimpleString.of(topic)) == null) {
                server.getActiveMQServer().addAddressInfo(
                        new org.apache.activemq.artemis.core.server.impl.AddressInfo(SimpleString.of(topic))
                                .addRoutingType(RoutingType.MULTICAST));
            }
        }
        // each topic's dead-letter queue exists from the start with the broker's own filter, so a consumer parking a
        // message (or the console browsing the queue) never auto-creates an unfiltered one that would catch the
        // dead letters of every topic
        for (String topic : Topics.all()) {
            SimpleString queue = SimpleString.of("DLQ." + topic);
            if (server.getActiveMQServer().locateQueue(queue) == null) {
                server.getActiveMQServer().createQueue(QueueConfiguration.of(queue).setAddress("DLQ")
                        .setRoutingType(RoutingType.ANYCAST).setFilterString("_AMQ_ORIG_ADDRESS = '" + topic + "'")
                        .setAutoCreateAddress(true));
            }
        }
        LOG.info(() -> "Artemis broker listening on 127.0.0.1:" + port);
        return new EmbeddedBroker(server, port);
    }

    int port() {
        return port;
    }

    /** Messages waiting or being delivered on the subscriptions of Mercato's topics. */
    long pendingMessages() {
        return server.getActiveMQServer().getPostOffice().getAllBindings()
                .filter(binding -> binding instanceof LocalQueueBinding)
                .map(binding -> ((LocalQueueBinding) binding).getQueue())
                .filter(queue -> queue.getAddress().toString().startsWith("mercato."))
                .mapToLong(queue -> queue.getMessageCount() + queue.getDeliveringCount()).sum();
    }

    /** Whether the broker is paging the address's messages to disk now (more in memory than it keeps). */
    boolean isPaging(String address) throws Exception {
        var store = server.getActiveMQServer().getPagingManager().getPageStore(SimpleString.of(address));
        return store != null && store.isPaging();
    }

    boolean hasAddress(String name) {
        return server.getActiveMQServer().getAddressInfo(SimpleString.of(name)) != null;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
