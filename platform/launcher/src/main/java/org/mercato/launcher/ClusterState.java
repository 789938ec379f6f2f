package org.mercato.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What cluster mode is running, in {@code <data>/cluster/cluster.properties}: written by the supervisor whenever
 * something starts, stops or restarts, read by {@code ./mercato cluster status|down} and by the tests. Replaced
 * whole (write, then rename), so a reader never sees half of it.
 *
 * <p>Keys: {@code phase} (starting, ready, failed, stopping, stopped), {@code message}, {@code supervisor.pid},
 * {@code gateway.url}, {@code gateway.internal-url}, {@code processes} (names in start order), and per process
 * {@code <name>.kind|pid|url|health|log|restarts|grid}.
 */
final class ClusterState {

    static final String FILE = "cluster.properties";

    /** One process of the cluster as recorded. {@code health} is a URL to GET (200 = up) or tcp:port. */
    record Entry(String name, String kind, long pid, String url, String health, String log, int restarts,
            int grid) {
    }

    private final Path file;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Entry> processes = new LinkedHashMap<>();

    ClusterState(Path directory) {
        this.file = directory.resolve(FILE);
    }

    Path file() {
        return file;
    }

    /** The recorded state, or empty when cluster mode never ran with this data folder. */
    static Optional<ClusterState> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        ClusterState state = new ClusterState(directory);
        for (String key : List.of("phase", "message", "supervisor.pid", "gateway.url", "gateway.internal-url")) {
            if (properties.getProperty(key) != null) {
                state.values.put(key, properties.getProperty(key));
            }
        }
        String names = properties.getProperty("processes", "");
        for (String name : names.isBlank() ? new String[0] : names.split(",")) {
            state.processes.put(name, new Entry(name, properties.getProperty(name + ".kind", ""),
                    Long.parseLong(properties.getProperty(name + ".pid", "-1")),
                    properties.getProperty(name + ".url", ""),
                    properties.getProperty(name + ".health", ""), properties.getProperty(name + ".log", ""),
                    Integer.parseInt(properties.getProperty(name + ".restarts", "0")),
                    Integer.parseInt(properties.getProperty(name + ".grid", "0"))));
        }
        return Optional.of(state);
    }

    synchronized ClusterState set(String key, String value) {
        values.put(key, value);
        return this;
    }

    synchronized String get(String key) {
        return values.getOrDefault(key, "");
    }

    String phase() {
        return get("phase");
    }

    long supervisorPid() {
        String pid = get("supervisor.pid");
        return pid.isBlank() ? -1 : Long.parseLong(pid);
    }

    synchronized ClusterState put(Entry entry) {
        processes.put(entry.name(), entry);
        return this;
    }

    synchronized List<Entry> processes() {
        return new ArrayList<>(processes.values());
    }

    synchronized Optional<Entry> process(String name) {
        return Optional.ofNullable(processes.get(name));
    }

    /** Writes the whole state (to a temporary file, then renamed over the old one). */
    synchronized void save() throws IOException {
        Properties properties = new Properties();
        values.forEach(properties::setProperty);
        properties.setProperty("processes", String.join(",", processes.keySet()));
        for (Entry entry : processes.values()) {
            properties.setProperty(entry.name() + ".kind", entry.kind());
            properties.setProperty(entry.name() + ".pid", Long.toString(entry.pid()));
            properties.setProperty(entry.name() + ".url", entry.url());
            properties.setProperty(entry.name() + ".health", entry.health());
            properties.setProperty(entry.name() + ".log", entry.log());
            properties.setProperty(entry.name() + ".restarts", Integer.toString(entry.restarts()));
            properties.setProperty(entry.name() + ".grid", Integer.toString(entry.grid()));
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE + ".new");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "Mercato cluster mode: written by its supervisor; read by ./mercato cluster status");
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
