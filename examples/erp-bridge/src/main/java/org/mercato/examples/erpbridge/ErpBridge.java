package org.mercato.examples.erpbridge;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An example of connecting an ERP to Mercato through its events (docs/events.md), with nothing but the Jakarta
 * Messaging API and the Artemis client: it books every {@code OrderPlaced} and {@code OrderCancelled} into a ledger
 * file, and publishes {@code StockAdjusted} when goods are received or taken out. See the module's README.
 *
 * <p>
 * Exit status: 0 done, 1 the broker or the ledger failed, 2 a wrong command line; a listener stopped by a signal ends
 * with the JVM's status for it (143 for SIGTERM, 130 for Ctrl-C) after logging {@code Stopped}.
 */
public final class ErpBridge {

    static final String USAGE = """
            Usage: java -jar erp-bridge.jar [options] [command]

            Commands:
              listen                                          (the default) book OrderPlaced and OrderCancelled
                                                              into the ledger until stopped (Ctrl-C, SIGTERM)
              book-in  <sku> <quantity> [warehouse] [reason]  publish StockAdjusted: units received
              book-out <sku> <quantity> [warehouse] [reason]  publish StockAdjusted: units taken out
              unsubscribe                                     remove the bridge's durable subscription (when the
                                                              bridge is retired; stop it first)
              help                                            this text

            Options (else environment variables, else defaults):
              --broker-url=URL       ERP_BRIDGE_BROKER_URL    tcp://127.0.0.1:61616
              --client-id=ID         ERP_BRIDGE_CLIENT_ID     none
              --subscription=NAME    ERP_BRIDGE_SUBSCRIPTION  erp-bridge-orders
              --ledger=FILE          ERP_BRIDGE_LEDGER        erp-ledger.jsonl
              --event-id=UUID        book-in/book-out: resend the adjustment with this event id (default: new)
              --correlation-id=ID    book-in/book-out: JMSCorrelationID, 8 to 128 of A-Za-z0-9._:-

            Quantities are whole units; warehouse defaults to inventory's MAIN.
            """;
    /** The longest a stop signal waits for the message in hand to be booked and the connection closed. */
    private static final long STOP_WAIT_SECONDS = 15;

    static {
        // before the first logger below: the log manager is chosen once
        ConsoleLog.keepOpenDuringShutdown();
    }

    private static final Logger LOG = Logger.getLogger(ErpBridge.class.getName());

    private ErpBridge() {
    }

    /** Runs one command (see {@link #USAGE}) and exits with its status. */
    public static void main(String[] args) {
        ConsoleLog.toStandardOutput();
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        int status = run(commandLine, System.getenv(), System.out, System.err);
        // a listener stopped by a signal returns 0 while the JVM is already shutting down: it ends by itself
        if (status != 0 || !"listen".equals(commandLine.command())) {
            System.exit(status);
        }
    }

    /**
     * Runs one command.
     *
     * @param environment
     *            the environment variables to read settings from
     * @param out
     *            where help goes
     * @param err
     *            where usage errors go
     * @return the exit status: 0 done, 1 the broker or the ledger failed, 2 a wrong command line
     */
    static int run(CommandLine commandLine, Map<String, String> environment, PrintStream out, PrintStream err) {
        BridgeSettings settings;
        try {
            settings = BridgeSettings.from(environment, commandLine.options());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            return switch (commandLine.command()) {
                case "listen" -> listen(settings, commandLine);
                case "book-in" -> publish(settings, commandLine, true);
                case "book-out" -> publish(settings, commandLine, false);
                case "unsubscribe" -> unsubscribe(settings, commandLine);
                case "help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new IllegalArgumentException("unknown command " + commandLine.command());
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
    }

    private static int listen(BridgeSettings settings, CommandLine commandLine) {
        expectArguments(commandLine, 0, 0);
        CountDownLatch finished = new CountDownLatch(1);
        try (Ledger ledger = Ledger.open(settings.ledger())) {
            OrderFeed feed = new OrderFeed(settings, ledger);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                feed.requestStop();
                try {
                    finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "erp-bridge-stop"));
            try {
                feed.run();
                LOG.info(() -> "Stopped; " + ledger.size() + " entries in " + ledger.file()
                        + "; the subscription keeps what arrives until the bridge is back");
                return 0;
            } catch (JMSException e) {
                LOG.log(Level.SEVERE, "Lost the broker at " + settings.brokerUrl() + "; stopping", e);
                return 1;
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot use the ledger " + settings.ledger().toAbsolutePath(), e);
            return 1;
        } finally {
            finished.countDown();
        }
    }

    private static int publish(BridgeSettings settings, CommandLine commandLine, boolean in) {
        expectArguments(commandLine, 2, 4);
        var words = commandLine.arguments();
        StockAdjustment adjustment = StockAdjustment.booking(words.get(0), words.get(1), in, words.size() > 2
                ? words
                        .get(2)
                : null, words.size() > 3 ? words.get(3) : null);
        String eventId = eventId(commandLine.options().get("event-id"));
        String correlationId = commandLine.options().get("correlation-id");
        if (correlationId != null && !StockAdjustment.isValidCorrelationId(correlationId)) {
            throw new IllegalArgumentException("--correlation-id takes 8 to 128 of A-Za-z0-9._:-: " + correlationId);
        }
        try {
            StockAdjustments.publish(settings.brokerUrl(), adjustment, eventId, correlationId);
        } catch (JMSException e) {
            LOG.log(Level.SEVERE, "Could not publish StockAdjusted event " + eventId + " to " + settings.brokerUrl()
                    + "; resending it with --event-id=" + eventId + " is safe", e);
            return 1;
        }
        LOG.info(() -> "Published StockAdjusted event " + eventId + ": " + adjustment.toJson());
        return 0;
    }

    private static int unsubscribe(BridgeSettings settings, CommandLine commandLine) {
        expectArguments(commandLine, 0, 0);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.brokerUrl());
                Connection connection = factory.createConnection()) {
            if (settings.clientId() != null) {
                connection.setClientID(settings.clientId());
            }
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).unsubscribe(settings.subscription());
        } catch (JMSException e) {
            LOG.log(Level.SEVERE, "Could not remove the subscription '" + settings.subscription()
                    + "' (is a bridge still listening on it?)", e);
            return 1;
        }
        LOG.info(() -> "Removed the subscription '" + settings.subscription() + "' and the messages it held");
        return 0;
    }

    private static String eventId(String given) {
        if (given == null) {
            return UUID.randomUUID().toString();
        }
        try {
            // the canonical form, so a resend names the same event as the first send
            return UUID.fromString(given).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--event-id takes a UUID: " + given);
        }
    }

    private static void expectArguments(CommandLine commandLine, int least, int most) {
        int count = commandLine.arguments().size();
        if (count < least || count > most) {
            throw new IllegalArgumentException(commandLine.command() + " takes " + (least == most
                    ? least + ""
                    : least + " to " + most) + " arguments, not " + count);
        }
    }
}
