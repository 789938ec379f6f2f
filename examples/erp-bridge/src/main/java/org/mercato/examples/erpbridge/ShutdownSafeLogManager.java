package org.mercato.examples.erpbridge;

import java.util.logging.LogManager;

/**
 * The JDK's log manager, except that it never resets: the JDK's own shutdown hook resets logging (closing every
 * handler) while the bridge's hook still books the message in hand and logs that it stopped, and those lines would be
 * lost. {@link ConsoleLog} sets its handler up itself and flushes every line, so there is nothing to reset.
 */
public final class ShutdownSafeLogManager extends LogManager {

    /** Called by {@link LogManager} itself, named by the {@code java.util.logging.manager} system property. */
    public ShutdownSafeLogManager() {
        super();
    }

    /** Does nothing; see the class comment. */
    @Override
    public void reset() {
        // handlers stay open until the JVM ends
    }
}
