package org.mercato.examples.erpbridge;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * Sends every java.util.logging record (the bridge's and, through SLF4J, the Artemis client's) to standard output,
 * one line each, flushed at once, as a service manager or a container collects it.
 */
final class ConsoleLog {

    /** {@code 2026-11-24 10:15:30 INFO Booked ...}, a stack trace below when there is one. */
    private static final String FORMAT = "%1$tF %1$tT %4$s %5$s%6$s%n";

    private ConsoleLog() {
    }

    /**
     * Makes the JDK use {@link ShutdownSafeLogManager}; called before the first logger is created (the log manager is
     * chosen once), unless one was chosen with -D.
     */
    static void keepOpenDuringShutdown() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        }
    }

    /** Replaces the root logger's handlers with one writing to standard output; a format set with -D is kept. */
    static void toStandardOutput() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        }
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new StreamHandler(System.out, new SimpleFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        });
    }
}
