package org.mercato.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@code ./mercato up}: starts embedded mode and stays in the foreground until Ctrl-C, which stops everything
 * cleanly. A second start keeps the data under MERCATO_DATA_DIR (default ./data).
 */
public final class Launcher {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        configureLogging();
        long started = System.nanoTime();
        Map<String, String> env = new HashMap<>(System.getenv());
        String generatedPassword = null;
        if (env.getOrDefault("MERCATO_ADMIN_PASSWORD", "").isBlank()) {
            // used only if no admin exists yet; shown once, when user-war reports it created the account
            generatedPassword = generatePassword();
            env.put("MERCATO_ADMIN_PASSWORD", generatedPassword);
        }
        Map<String, String> passedOn = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("MERCATO_CATALOG_") || name.equals("MERCATO_FULFILLMENT_AUTO_DISPATCH_SECONDS")
                    || name.equals("MERCATO_INVENTORY_DEMO_STOCK")) {
                // e.g. MERCATO_CATALOG_DEMO_PRODUCTS=1000000 and MERCATO_INVENTORY_DEMO_STOCK=false for a benchmark
                // catalog searched but not stocked
                passedOn.put(name, value);
            }
        });
        Settings settings = Settings.fromEnvironment(home(), env).withExtraEnvironment(passedOn);
        String shownPassword = generatedPassword;
        LOG.info(() -> "Starting Mercato (embedded mode) with data in " + settings.dataDir());
        EmbeddedPlatform platform;
        try {
            platform = EmbeddedPlatform.start(settings, line -> notice(line, settings, shownPassword),
                    Duration.ofSeconds(Long.parseLong(env.getOrDefault("MERCATO_READY_TIMEOUT_SECONDS", "300"))));
        } catch (Exception e) {
            System.err.println("Mercato failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Mercato...");
            platform.close();
            System.out.println("Mercato stopped.");
            stopped.countDown();
        }, "mercato-shutdown"));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String base = "http://localhost:" + settings.httpPort();
        System.out.println();
        System.out.println("Mercato is ready after " + seconds + " s.");
        System.out.println("  Storefront     " + base + "/");
        System.out.println("  Admin console  " + base + "/admin/");
        System.out.println("  Users API      " + base + "/users/api/  (JWKS: " + base + "/users/api/jwks)");
        System.out.println("  Health         " + base + "/health/ready   Metrics " + base + "/metrics");
        System.out.println("  Data           " + settings.dataDir() + "   Log " + settings.dataDir()
                .resolve("logs/payara.log"));
        String replicaPort = env.getOrDefault("MERCATO_CONSOLE_REPLICA_PORT", "");
        if (!replicaPort.isBlank()) {
            // a second console in the same data grid: staff sessions survive the loss of either instance
            try {
                platform.startConsoleReplica(Integer.parseInt(replicaPort.strip()), Duration.ofMinutes(3));
                System.out.println("  Console replica http://localhost:" + replicaPort.strip() + "/admin/");
            } catch (Exception e) {
                System.err.println("The console replica did not start: " + e.getMessage());
            }
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static void notice(String line, Settings settings, String generatedPassword) {
        consoleLines(line, settings.adminEmail(), generatedPassword).forEach(System.out::println);
    }

    /**
     * What the console shows for a line of Payara's log that needs attention. The generated admin password
     * appears only when user-war reports it created the first admin with it, so only once.
     */
    static List<String> consoleLines(String line, String adminEmail, String generatedPassword) {
        int marker = line.indexOf("MERCATO-NOTICE");
        if (marker < 0) {
            return List.of("[payara] " + line);
        }
        String text = line.substring(marker + "MERCATO-NOTICE".length()).trim();
        if (line.startsWith("{") && text.endsWith("\"}")) {
            // a JSON log record (MERCATO_LOG_FORMAT=json): the notice is the end of its LogMessage
            text = text.substring(0, text.length() - 2).trim();
        }
        if (text.startsWith("first admin account created") && generatedPassword != null) {
            return List.of(">>> " + text, ">>> admin " + adminEmail + " has the generated password "
                    + generatedPassword + " (shown only this once; change it after signing in)");
        }
        return List.of(">>> " + text);
    }

    /** The directory holding this jar, payara-micro.jar and wars/ (or MERCATO_HOME). */
    static Path home() throws URISyntaxException {
        String configured = System.getenv("MERCATO_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    static String generatePassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static void configureLogging() throws IOException {
        try (InputStream config = Launcher.class.getResourceAsStream("/launcher-logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        }
    }
}
