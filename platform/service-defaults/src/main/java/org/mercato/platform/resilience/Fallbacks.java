package org.mercato.platform.resilience;

/** What a MicroProfile Fault Tolerance fallback of a call to another service does before it reports the failure. */
public final class Fallbacks {

    private Fallbacks() {
    }

    /**
     * A {@code @Timeout} on a synchronous call interrupts the calling thread and may leave the flag set when the
     * fallback runs; the next call on that thread (releasing the stock after a charge timed out) would then fail
     * at once ("Computation already concluded"). Every fallback clears it first.
     */
    public static void clearTimeoutInterrupt() {
        Thread.interrupted();
    }
}
