package org.mercato.examples.erpbridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line split into its command ({@code listen} when none is given), the command's words and the
 * {@code --name=value} options, which may stand anywhere.
 *
 * @param command
 *            {@code listen}, {@code book-in}, {@code book-out}, {@code unsubscribe} or {@code help}
 * @param arguments
 *            the words after the command
 * @param options
 *            option name (without the dashes) to value
 */
record CommandLine(String command, List<String> arguments, Map<String, String> options) {

    /** The options the bridge knows. */
    static final Set<String> OPTIONS = Set.of("broker-url", "client-id", "subscription", "ledger", "event-id",
            "correlation-id");

    /**
     * Splits the arguments.
     *
     * @throws IllegalArgumentException
     *             for an option without {@code =value} or one the bridge does not know
     */
    static CommandLine parse(String... args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                words.add(0, "help");
            } else if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("an option takes a value: " + arg + "=...");
                }
                String name = arg.substring(2, equals);
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
                options.put(name, arg.substring(equals + 1));
            } else {
                words.add(arg);
            }
        }
        String command = words.isEmpty() ? "listen" : words.remove(0);
        return new CommandLine(command, List.copyOf(words), Map.copyOf(options));
    }
}
