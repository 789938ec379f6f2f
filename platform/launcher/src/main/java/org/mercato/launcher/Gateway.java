package org.mercato.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway of cluster mode: Debian's NGINX running {@code docker/gateway/nginx.conf} (the same file the Swarm
 * stack uses, copied into this jar by the build), its {@code ${MERCATO_...}} placeholders filled in, as a child
 * process in the foreground. Its files (configuration, temporary files, cache, logs) live in one folder, NGINX's
 * prefix.
 */
final class Gateway implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());
    /** The template in this jar (docker/gateway/nginx.conf in the repository). */
    static final String TEMPLATE = "/org/mercato/launcher/gateway/nginx.conf";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(MERCATO_[A-Z0-9_]+)}");

    private final Process process;
    private final Path prefix;

    private Gateway(Process process, Path prefix) {
        this.process = process;
        this.prefix = prefix;
    }

    /** Where NGINX is: MERCATO_NGINX, else Debian's /usr/sbin/nginx, else the PATH. */
    static String executable() {
        String configured = System.getenv("MERCATO_NGINX");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    }

    /**
     * Fills the template's placeholders.
     *
     * @throws IllegalArgumentException naming a placeholder without a value
     */
    static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + matcher.group(1) + "} in the gateway template");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The template as shipped in this jar. */
    static String template() throws IOException {
        try (InputStream in = Gateway.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("gateway template " + TEMPLATE + " missing from the launcher jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * "server 127.0.0.1:port max_fails=1 fail_timeout=10s;" per instance: the upstream lines of one service.
     * One failed request takes an instance out for 10 s (the passive health check), then it is tried again. An
     * instance in {@code starting} is listed as {@code down}: it listens before its WAR is deployed, and would
     * answer the container's own 404 until then (health-gated, as Swarm routes only to healthy tasks).
     */
    static String upstreamServers(List<Integer> ports, java.util.Set<Integer> starting) {
        StringBuilder servers = new StringBuilder();
        for (int port : ports) {
            if (servers.length() > 0) {
                servers.append("\n        ");
            }
            servers.append("server 127.0.0.1:").append(port).append(" max_fails=1 fail_timeout=10s")
                    .append(starting.contains(port) ? " down;" : ";");
        }
        return servers.toString();
    }

    /**
     * The values of the cluster mode: both ports on loopback, logs and cache in the prefix folder, the given
     * upstream lines and rate limits.
     *
     * @param upstreams server lines by upper-case service name (USERS, CATALOG, ...)
     * @param limits rate limits by {@code RATE_<zone>} (an NGINX rate, e.g. "100r/s") and {@code BURST_<zone>}
     *            (requests let through at once beyond the rate), zones PER_ADDRESS, SIGNIN, REGISTER, CHECKOUT
     */
    static Map<String, String> values(Path prefix, int port, int internalPort, Map<String, String> upstreams,
            Map<String, String> limits) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("MERCATO_GATEWAY_PORT", Integer.toString(port));
        values.put("MERCATO_GATEWAY_INTERNAL_PORT", Integer.toString(internalPort));
        values.put("MERCATO_GATEWAY_LISTEN_ADDRESS", "127.0.0.1");
        values.put("MERCATO_GATEWAY_INTERNAL_LISTEN_ADDRESS", "127.0.0.1");
        values.put("MERCATO_GATEWAY_ACCESS_LOG", prefix.resolve("logs/access.json").toString());
        values.put("MERCATO_GATEWAY_ERROR_LOG", prefix.resolve("logs/error.log").toString());
        values.put("MERCATO_GATEWAY_CACHE_DIR", prefix.resolve("cache").toString());
        upstreams.forEach((service, servers) -> values.put("MERCATO_UPSTREAM_" + service, servers));
        limits.forEach((name, limit) -> values.put("MERCATO_GATEWAY_" + name, limit));
        return values;
    }

    /**
     * Writes the configuration into {@code prefix}, checks it with {@code nginx -t}, and runs NGINX in the foreground
     * as a child that dies with this JVM.
     *
     * @throws IllegalStateException with NGINX's own words when the configuration is refused or it exits at once
     */
    static Gateway start(Path prefix, Map<String, String> values) throws IOException, InterruptedException {
        for (String folder : List.of("logs", "cache", "temp")) {
            Files.createDirectories(prefix.resolve(folder));
        }
        Path conf = prefix.resolve("nginx.conf");
        writeChecked(prefix, conf, values);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "TERM"));
        }
        command.addAll(nginx(prefix, conf, "-g", "daemon off;" + workerUser()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(prefix.resolve("logs/console.log").toFile()))
                .start();
        if (process.waitFor(1, TimeUnit.SECONDS)) {
            throw new IllegalStateException("NGINX exited at once with " + process.exitValue() + "; see "
                    + prefix.resolve("logs"));
        }
        LOG.info(() -> "Gateway (NGINX) started (pid " + process.pid() + ") on 127.0.0.1:"
                + values.get("MERCATO_GATEWAY_PORT") + ", access log " + values.get("MERCATO_GATEWAY_ACCESS_LOG"));
        return new Gateway(process, prefix);
    }

    /**
     * Writes the configuration with new values, checks it, and has NGINX load it (SIGHUP: new workers take over,
     * requests in flight finish on the old ones).
     *
     * @throws IllegalStateException with NGINX's words when it refuses the configuration (the old one stays)
     */
    synchronized void reload(Map<String, String> values) throws IOException, InterruptedException {
        Path conf = prefix.resolve("nginx.conf");
        Path next = prefix.resolve("nginx.conf.next");
        writeChecked(prefix, next, values);
        Files.move(next, conf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
    }

    /**
     * Writes the template filled with {@code values} to {@code file} and has NGINX check it ({@code nginx -t}).
     *
     * @throws IllegalStateException with NGINX's own words when it refuses the file
     */
    private static void writeChecked(Path prefix, Path file, Map<String, String> values)
            throws IOException, InterruptedException {
        Files.writeString(file, render(template(), values), StandardCharsets.UTF_8);
        Process check = new ProcessBuilder(nginx(prefix, file, "-t")).redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IllegalStateException("NGINX refused " + file + ":\n" + checked);
        }
    }

    /**
     * The {@code user} directive for NGINX's workers: when this JVM runs as root, NGINX would run its workers as
     * {@code nobody}, which cannot enter a folder only root may (a clone under {@code /root}, a {@code mktemp -d}
     * folder) and then answers 500 for every cached asset (its cache files cannot be opened). The workers run as the
     * user who started the cluster instead, as they do for any other user (NGINX switches users only as root).
     *
     * @return {@code " user root;"} as root, else an empty string
     */
    static String workerUser() {
        return "root".equals(System.getProperty("user.name")) ? " user root;" : "";
    }

    private static List<String> nginx(Path prefix, Path conf, String... more) {
        List<String> command = new ArrayList<>(List.of(executable(), "-p", prefix + "/", "-c", conf.toString(),
                // NGINX opens its compiled-in error log before reading the file: point it at ours
                "-e", prefix.resolve("logs/error.log").toString()));
        command.addAll(List.of(more));
        return command;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path prefix() {
        return prefix;
    }

    /** NGINX's graceful stop (SIGQUIT lets requests in flight finish), then a kill after 15 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
