package org.mercato.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RepeatingTest {

    @Test
    void aRunThatThrowsDoesNotEndTheRepetitionAndCloseEndsIt() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch three = new CountDownLatch(3);
            Repeating repeating = Repeating.start(scheduler, "test", Duration.ZERO, Duration.ofMillis(10), () -> {
                runs.incrementAndGet();
                three.countDown();
                throw new IllegalStateException("every run fails");
            });
            assertTrue(three.await(5, TimeUnit.SECONDS), "runs went on after failing ones");
            repeating.close();
            // a marker task queued after close: once it has run, any run scheduled before close has too
            scheduler.submit(() -> null).get(5, TimeUnit.SECONDS);
            int afterClose = runs.get();
            scheduler.schedule(() -> null, 50, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertEquals(afterClose, runs.get(), "no run after close");
        } finally {
            scheduler.shutdownNow();
        }
    }
}
