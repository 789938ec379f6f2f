package org.mercato.admin.infrastructure;

import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.mercato.messaging.Repeating;
import org.mercato.messaging.Topics;

/**
 * The depth of every topic's dead-letter queue, for the operator's dashboard and the {@code MercatoDeadLetters}
 * alert: the gauge {@code mercato_dead_letter_depth{topic}} (Prometheus text at the console's {@code /metrics}).
 * The queues are browsed every 30 s, counting at most {@value #COUNTED} messages each (a deeper queue shows that
 * number), so a scrape never waits on the broker. A broker that does not answer leaves the last counts.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetterDepth {

    private static final Logger LOG = Logger.getLogger(DeadLetterDepth.class.getName());
    static final int COUNTED = 10_000;

    @Resource(lookup = DeadLetterQueues.CONNECTION_FACTORY)
    ConnectionFactory connections;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MetricRegistry registry;

    private final Map<String, Long> depths = new ConcurrentHashMap<>();
    private Repeating reader;

    @PostConstruct
    void start() {
        for (String topic : Topics.all()) {
            depths.put(topic, 0L);
            // under the JVM-wide lock service-defaults' ShopMetrics creates metrics with (Payara's registry is
            // not safe for concurrent creation)
            synchronized (MetricRegistry.class) {
                registry.gauge(Metadata.builder().withName("mercato.dead.letter.depth").withDescription(
                        "Messages parked on a topic's dead-letter queue (DLQ.<topic>), counted up to " + COUNTED)
                        .withUnit(MetricUnits.NONE).build(), () -> depths.get(topic), new Tag("service", "admin"),
                        new Tag("topic", topic));
            }
        }
        reader = Repeating.start(scheduler, "counting the dead-letter queues", Duration.ofSeconds(10),
                Duration.ofSeconds(30), this::count);
    }

    private void count() {
        try (JMSContext jms = connections.createContext()) {
            for (String topic : Topics.all()) {
                try (QueueBrowser browser = jms.createBrowser(jms.createQueue(DeadLetterQueues.queue(topic)))) {
                    long counted = 0;
                    for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements()
                            && counted < COUNTED; counted++) {
                        messages.nextElement();
                    }
                    depths.put(topic, counted);
                }
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "could not count the dead-letter queues now", e);
        }
    }

    @PreDestroy
    void stop() {
        if (reader != null) {
            reader.close();
        }
    }
}
