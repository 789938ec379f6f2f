package org.mercato.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher needs to know, from environment variables with sensible defaults. Nothing here is baked
 * into a WAR: the WARs get their settings from the environment the launcher gives Payara.
 */
public record Settings(Path home, Path dataDir, int httpPort, Optional<Integer> databasePort,
        Optional<Integer> brokerPort, String adminEmail, Optional<String> adminPassword, String payaraHeap,
        List<Service> services, Map<String, String> extraEnvironment) {

    /** @param home the directory holding payara-micro.jar and wars/ (target/platform in a build) */
    public static Settings fromEnvironment(Path home, Map<String, String> env) {
        return new Settings(home,
                Path.of(env.getOrDefault("MERCATO_DATA_DIR", "data")).toAbsolutePath(),
                Integer.parseInt(env.getOrDefault("MERCATO_HTTP_PORT", "8080")),
                Optional.ofNullable(env.get("MERCATO_DB_PORT")).map(Integer::parseInt),
                Optional.ofNullable(env.get("MERCATO_BROKER_PORT")).map(Integer::parseInt),
                env.getOrDefault("MERCATO_ADMIN_EMAIL", "admin@mercato.local"),
                Optional.ofNullable(env.get("MERCATO_ADMIN_PASSWORD")).filter(p -> !p.isBlank()),
                env.getOrDefault("MERCATO_PAYARA_HEAP", "1g"),
                Service.ALL,
                Map.of());
    }

    public Settings withServices(List<Service> only) {
        return new Settings(home, dataDir, httpPort, databasePort, brokerPort, adminEmail, adminPassword,
                payaraHeap, only, extraEnvironment);
    }

    public Settings withExtraEnvironment(Map<String, String> extra) {
        return new Settings(home, dataDir, httpPort, databasePort, brokerPort, adminEmail, adminPassword,
                payaraHeap, services, Map.copyOf(extra));
    }

    public Path payaraJar() {
        return home.resolve("payara-micro.jar");
    }

    /** The JMS resource adapter every WAR produces and consumes through; deployed before them. */
    public Path resourceAdapter() {
        return home.resolve("artemis-ra.rar");
    }

    /**
     * PostgreSQL's JDBC driver, which Payara loads for the services' connection pools ({@code --addlibs}).
     *
     * @throws IllegalStateException when the build has not put it in {@code lib/}
     */
    public Path jdbcDriver() {
        try (java.util.stream.Stream<Path> jars = Files.list(home.resolve("lib"))) {
            return jars.filter(jar -> jar.getFileName().toString().matches("postgresql-[0-9.]+\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL's JDBC driver not found in "
                            + home.resolve("lib") + ": run ./mvnw install first"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + home.resolve("lib") + ": " + e.getMessage(), e);
        }
    }

    public Path war(Service service) {
        return home.resolve("wars").resolve(service.war());
    }

    /** Fails early, with what to do, if the build has not produced what we run. */
    public void checkInstalled() {
        if (!Files.isRegularFile(payaraJar())) {
            throw new IllegalStateException("payara-micro.jar not found in " + home + ": run ./mvnw install first");
        }
        if (!Files.isRegularFile(resourceAdapter())) {
            throw new IllegalStateException("artemis-ra.rar not found in " + home + ": run ./mvnw install first");
        }
        jdbcDriver();
        for (Service service : services) {
            if (!Files.isRegularFile(war(service))) {
                throw new IllegalStateException(service.war() + " not found in " + home.resolve("wars")
                        + ": run ./mvnw install first");
            }
        }
    }
}
