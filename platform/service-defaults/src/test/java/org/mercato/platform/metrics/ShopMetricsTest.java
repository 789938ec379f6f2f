package org.mercato.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

/** ShopMetrics over a registry standing in for Payara's: tags, one metric per name and tags, and no failure. */
class ShopMetricsTest {

    private final List<String> created = new ArrayList<>();
    private final AtomicLong increments = new AtomicLong();

    private MetricRegistry registry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{MetricRegistry.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "counter" -> {
                            Metadata metadata = (Metadata) args[0];
                            Tag[] tags = (Tag[]) args[1];
                            created.add(metadata.getName() + tagText(tags));
                            return (Counter) Proxy.newProxyInstance(getClass().getClassLoader(),
                                    new Class<?>[]{Counter.class}, (c, m, a) -> {
                                        if (m.getName().equals("inc")) {
                                            increments.incrementAndGet();
                                        }
                                        return null;
                                    });
                        }
                        case "timer" -> throw new ConcurrentModificationException("as Payara's TimerImpl did");
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static String tagText(Tag[] tags) {
        StringBuilder text = new StringBuilder();
        for (Tag tag : tags) {
            text.append(' ').append(tag.getTagName()).append('=').append(tag.getTagValue());
        }
        return text.toString();
    }

    private ShopMetrics metrics() {
        ShopMetrics metrics = new ShopMetrics();
        metrics.registry = registry();
        metrics.service = "orders";
        return metrics;
    }

    @Test
    void aCounterIsMadeOncePerNameAndTagsAndCarriesTheServiceTag() {
        ShopMetrics metrics = metrics();
        metrics.count("mercato.orders.failed", "why", "reason", "out_of_stock");
        metrics.count("mercato.orders.failed", "why", "reason", "out_of_stock");
        metrics.count("mercato.orders.failed", "why", "reason", "payment_declined");
        assertArrayEquals(new String[]{"mercato.orders.failed service=orders reason=out_of_stock",
                "mercato.orders.failed service=orders reason=payment_declined"}, created.toArray());
        assertEquals(3, increments.get());
    }

    @Test
    void aMetricTheRegistryCannotMakeNeverFailsTheRequest() {
        ShopMetrics metrics = metrics();
        assertDoesNotThrow(() -> metrics.time("mercato.search.duration", "how long", Duration.ofMillis(5)));
        assertDoesNotThrow(() -> metrics.time("mercato.search.duration", "how long", Duration.ofMillis(5)));
    }

    @Test
    void tagsComeInPairs() {
        ShopMetrics metrics = metrics();
        // an odd tag list is a programming error: refused, and still not thrown at the request
        assertDoesNotThrow(() -> metrics.count("mercato.x", "x", "lonely"));
        assertEquals(List.of(), created);
    }

    @Test
    void anUnmanagedInstanceRecordsNothing() {
        assertDoesNotThrow(() -> new ShopMetrics().count("mercato.x", "x"));
    }
}
