package org.mercato.benchmarks.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation of this module in a JVM of its own, as the Gatling Maven plugin does (the module's
 * classes and run-time class path, the plugin's default JVM options: 1 GB heap and the two {@code --add-opens}
 * Gatling needs, Gatling's version check sent to a closed local port), its output shown as it comes, and finds the
 * HTML report it wrote.
 *
 * @param module the benchmarks/gatling folder (its {@code target/classes} and {@code target/gatling-classpath.txt})
 * @param results the folder Gatling writes its reports in, one bench run's own (a report is found as the folder
 *        that a simulation added there)
 */
public record GatlingRun(Path module, Path results) {

    /** What one run left behind. */
    public record Result(Path reportDirectory, int exitStatus) {

        /** Gatling's exit status 0: every assertion held (no request failed). */
        public boolean passed() {
            return exitStatus == 0;
        }
    }

    /**
     * Runs {@code simulation} (a class name of this module) with the given {@code -D} system properties and waits
     * for it, at most {@code limit}.
     *
     * @throws IOException when Gatling could not be started, did not end in time (it is then killed), or wrote no
     *         report
     */
    public Result run(String simulation, Map<String, String> properties, Duration limit)
            throws IOException, InterruptedException {
        Files.createDirectories(results);
        Set<Path> before = reports(results);
        String classpath = module.resolve("target/classes") + File.pathSeparator
                + Files.readString(module.resolve("target/gatling-classpath.txt"), StandardCharsets.UTF_8).strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=9", "-cp", classpath));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("io.gatling.app.Gatling", "--simulation", simulation, "--results-folder", results
                .toString()));
        Process gatling = new ProcessBuilder(command).inheritIO().start();
        if (!gatling.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            gatling.destroyForcibly();
            throw new IOException("Gatling (" + simulation + ") did not end within " + limit.toSeconds() + " s");
        }
        Path report = reports(results).stream().filter(p -> !before.contains(p)).filter(p -> Files.isRegularFile(p
                .resolve("index.html"))).max(Comparator.comparing(Path::toString)).orElseThrow(() -> new IOException(
                        "Gatling (" + simulation + ", exit status " + gatling.exitValue() + ") wrote no report"));
        return new Result(report, gatling.exitValue());
    }

    private static Set<Path> reports(Path results) throws IOException {
        try (Stream<Path> list = Files.list(results)) {
            return list.filter(Files::isDirectory).collect(Collectors.toSet());
        }
    }
}
