package org.mercato.systemtests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that follows asynchronously (an event applied, an index refreshed), failing after a limit. */
final class Eventually {

    private Eventually() {
    }

    static void within(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError(what + " did not happen within " + limit);
    }
}
