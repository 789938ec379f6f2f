package org.mercato.examples.erpbridge;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the bridge connects and what it keeps. Each setting comes from a command-line option, else from an environment
 * variable, else a default:
 * <ul>
 * <li>{@code --broker-url} / {@code ERP_BRIDGE_BROKER_URL}: the Artemis broker, default
 * {@value #DEFAULT_BROKER_URL} (embedded mode prints its port at start; {@code MERCATO_BROKER_PORT=61616 ./mercato up}
 * fixes it)</li>
 * <li>{@code --client-id} / {@code ERP_BRIDGE_CLIENT_ID}: the JMS client id, none by default; when set it is part of
 * the subscription's identity and only one connection may use it at a time</li>
 * <li>{@code --subscription} / {@code ERP_BRIDGE_SUBSCRIPTION}: the shared durable subscription's name, default
 * {@value #DEFAULT_SUBSCRIPTION}</li>
 * <li>{@code --ledger} / {@code ERP_BRIDGE_LEDGER}: the ledger file, default {@value #DEFAULT_LEDGER} in the working
 * directory</li>
 * </ul>
 *
 * @param brokerUrl
 *            an Artemis connection URL, e.g. {@code tcp://127.0.0.1:61616}
 * @param clientId
 *            the JMS client id, {@code null} for none
 * @param subscription
 *            the durable subscription's name on {@code mercato.orders}
 * @param ledger
 *            the ledger file
 */
record BridgeSettings(String brokerUrl, String clientId, String subscription, Path ledger) {

    /** Artemis's usual port on loopback. */
    static final String DEFAULT_BROKER_URL = "tcp://127.0.0.1:61616";
    /** The bridge's own subscription name: Mercato's services use theirs ({@code inventory-orders}, ...). */
    static final String DEFAULT_SUBSCRIPTION = "erp-bridge-orders";
    /** The ledger's file name in the working directory. */
    static final String DEFAULT_LEDGER = "erp-ledger.jsonl";

    /**
     * The settings from options and environment.
     *
     * @param environment
     *            e.g. {@link System#getenv()}
     * @param options
     *            the command line's options ({@link CommandLine#options()})
     * @throws IllegalArgumentException
     *             when an option is given but blank (an empty environment variable counts as unset)
     */
    static BridgeSettings from(Map<String, String> environment, Map<String, String> options) {
        return new BridgeSettings(
                setting(options, "broker-url", environment, "ERP_BRIDGE_BROKER_URL", DEFAULT_BROKER_URL),
                setting(options, "client-id", environment, "ERP_BRIDGE_CLIENT_ID", null),
                setting(options, "subscription", environment, "ERP_BRIDGE_SUBSCRIPTION", DEFAULT_SUBSCRIPTION),
                Path.of(setting(options, "ledger", environment, "ERP_BRIDGE_LEDGER", DEFAULT_LEDGER)));
    }

    private static String setting(Map<String, String> options, String option, Map<String, String> environment,
            String variable, String fallback) {
        if (options.containsKey(option)) {
            if (options.get(option).isBlank()) {
                throw new IllegalArgumentException("--" + option + " is blank");
            }
            return options.get(option).trim();
        }
        // a variable set to nothing counts as unset, as shells and service managers often leave them
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
