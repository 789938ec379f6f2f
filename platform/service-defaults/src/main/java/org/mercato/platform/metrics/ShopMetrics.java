package org.mercato.platform.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * A service's own metrics (orders placed, payments declined, reservations, events consumed, ...), kept in
 * MicroProfile Metrics' application registry and exported with the runtime's at {@code /metrics} in Prometheus
 * text: the name {@code mercato.orders.placed} becomes {@code mercato_orders_placed_total}, a timer's
 * {@code mercato.search.duration} becomes {@code mercato_search_duration_seconds} (count, sum, max and quantiles).
 * <p>
 * Every metric carries the tag {@code service} (this WAR's {@code mercato.service.name}), so the services sharing
 * one JVM in embedded mode keep theirs apart, and Prometheus can sum instances of one service. Tags given here
 * must have few values (a status, an outcome, an event type), never an id. Counters and timers are created once
 * per name and tags and kept; recording one costs a map look-up. Recording never throws: a metric that cannot be
 * kept is logged once and the request goes on.
 * <p>
 * An instance made with {@code new} (a unit test's) records nothing.
 */
@ApplicationScoped
public class ShopMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "mercato.service.name", defaultValue = "service")
    String service;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final java.util.Set<String> failedNames = ConcurrentHashMap.newKeySet();
    private static final Logger LOG = Logger.getLogger(ShopMetrics.class.getName());

    /**
     * Adds one to a counter.
     *
     * @param name dotted, e.g. {@code mercato.orders.failed}
     * @param description what one count is (the same for every tag value of the name)
     * @param tags pairs of tag name and value, e.g. {@code "reason", "out_of_stock"}
     */
    public void count(String name, String description, String... tags) {
        if (registry == null) {
            return;
        }
        try {
            Counter counter = counters.get(key(name, tags));
            if (counter == null) {
                counter = counters.computeIfAbsent(key(name, tags), k -> created(() -> registry.counter(Metadata
                        .builder().withName(name).withDescription(description).build(), tags(tags))));
            }
            counter.inc();
        } catch (RuntimeException e) {
            failed(name, e);
        }
    }

    /**
     * Records one duration in a timer (Prometheus: {@code <name>_seconds} with count, sum, max and quantiles).
     *
     * @param elapsed the duration; a negative one (clocks apart) counts as zero
     */
    public void time(String name, String description, Duration elapsed, String... tags) {
        if (registry == null) {
            return;
        }
        try {
            Timer timer = timers.get(key(name, tags));
            if (timer == null) {
                timer = timers.computeIfAbsent(key(name, tags), k -> created(() -> registry.timer(Metadata.builder()
                        .withName(name).withDescription(description).withUnit(MetricUnits.NANOSECONDS).build(),
                        tags(tags))));
            }
            timer.update(elapsed.isNegative() ? Duration.ZERO : elapsed);
        } catch (RuntimeException e) {
            failed(name, e);
        }
    }

    /**
     * Registers a gauge read at each scrape (e.g. the outbox's backlog). The supplier should answer quickly and
     * from a cache when it needs the database.
     *
     * @param unit a {@link MetricUnits} constant, e.g. {@link MetricUnits#NONE} or {@link MetricUnits#SECONDS}
     */
    public void gauge(String name, String description, String unit, Supplier<? extends Number> value,
            String... tags) {
        if (registry == null) {
            return;
        }
        try {
            created(() -> registry.gauge(Metadata.builder().withName(name).withDescription(description).withUnit(unit)
                    .build(), value, tags(tags)));
        } catch (RuntimeException e) {
            failed(name, e);
        }
    }

    /**
     * Creates a metric holding a lock every application shares (the API's class, loaded once by Payara): Payara
     * 6.2025.10 creates timers through a plain {@code HashMap}, which two requests creating their first timers at
     * once corrupted (ConcurrentModificationException, the request then failed).
     */
    private static <M> M created(java.util.function.Supplier<M> creation) {
        synchronized (MetricRegistry.class) {
            return creation.get();
        }
    }

    /** A metric that cannot be kept never fails the request that records it: logged once per name. */
    private void failed(String name, RuntimeException e) {
        if (failedNames.add(name)) {
            LOG.log(Level.WARNING, "Metric " + name + " could not be recorded; the request goes on without it", e);
        }
    }

    private Tag[] tags(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("tags come in pairs of name and value: " + Arrays.toString(pairs));
        }
        Tag[] tags = new Tag[pairs.length / 2 + 1];
        tags[0] = new Tag("service", service);
        for (int i = 0; i < pairs.length; i += 2) {
            tags[i / 2 + 1] = new Tag(pairs[i], pairs[i + 1]);
        }
        return tags;
    }

    private static String key(String name, String... tags) {
        return tags.length == 0 ? name : name + '|' + String.join("|", tags);
    }
}
