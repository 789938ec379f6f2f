package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load generator works: the mixed shop simulation of benchmarks/gatling (the one {@code ./mercato bench}
 * runs) against the test platform for 10 seconds at 1 new shopper per second, plus one shopper of each journey.
 * It checks behaviour, not speed: the run ends by itself, no request failed (the simulation's own Gatling
 * assertion), every journey ran to its last request, and the HTML report was written.
 *
 * <p>
 * The test platform exempts 127.0.0.1 from the per-address limits (sign-in, registration, carts) and allows a
 * customer 60 orders a minute; each checkout is a new customer with one order, so nothing here is throttled
 * (429). Gatling runs in a JVM of its own, as the Gatling Maven plugin runs it, with the module's class path.
 */
@ExtendWith(PlatformExtension.class)
class LoadSmokeIT {

    private static final String SIMULATION = "org.mercato.benchmarks.gatling.ShopSimulation";

    @Test
    void theMixedShopWorkloadRunsWithoutAFailedRequestAndKeepsItsReport() throws Exception {
        Path module = Path.of(System.getProperty("mercato.gatling.dir", "../benchmarks/gatling"));
        String classpath = module.resolve("target/classes") + File.pathSeparator + Files.readString(module.resolve(
                "target/gatling-classpath.txt")).strip();
        Path results = Files.createDirectories(Path.of(System.getProperty("mercato.test.dir",
                "target/platform-data")).resolve("gatling"));
        Path output = results.resolve("load-smoke.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                // as the Gatling plugin's jvmArgs: Gatling's version check (HTTPS to Maven Central) goes nowhere
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9", "-cp", classpath));
        command.addAll(List.of("-Dmercato.bench.baseUrl=http://127.0.0.1:" + PlatformExtension.platform().httpPort(),
                "-Dmercato.bench.usersPerSecond=1", "-Dmercato.bench.durationSeconds=10",
                "-Dmercato.bench.rampSeconds=0", "-Dmercato.bench.thinkSeconds=0.2",
                "-Dmercato.bench.eachJourneyOnce=true", "-Dmercato.bench.adminEmail=" + PlatformExtension.ADMIN_EMAIL,
                "-Dmercato.bench.adminPassword=" + PlatformExtension.ADMIN_PASSWORD));
        command.addAll(List.of("io.gatling.app.Gatling", "--simulation", SIMULATION, "--results-folder", results
                .toAbsolutePath().toString(), "--run-description", "LoadSmokeIT"));
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        // ramp 0 + 10 s + at most 60 s for the last shoppers (maxDuration), plus start-up and the report
        if (!gatling.waitFor(4, TimeUnit.MINUTES)) {
            gatling.destroyForcibly();
            fail("the Gatling run did not end within 4 minutes; its output: " + output);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("[load-smoke] " + printed.replace("\n", "\n[load-smoke] "));

        assertEquals(0, gatling.exitValue(), "Gatling's exit status (2: an assertion failed), see " + output);
        assertTrue(printed.contains("count of failed events is 0.0 : true"), "no request failed");
        for (String request : List.of("home page", "product page (id)", "search", "view cart", "place order")) {
            Matcher row = Pattern.compile("> " + Pattern.quote(request) + "\\s+\\|\\s+(\\d+)\\s+\\|\\s+(\\d+)\\s+\\|"
                    + "\\s+(\\d+)").matcher(printed);
            String[] last = null;
            while (row.find()) {
                last = new String[]{row.group(1), row.group(2), row.group(3)};
            }
            assertTrue(last != null && Integer.parseInt(last[0]) >= 1, request + " was sent");
            assertEquals("0", last[2], request + " never failed");
        }

        Path run;
        try (Stream<Path> runs = Files.list(results)) {
            run = runs.filter(dir -> dir.getFileName().toString().startsWith("shopsimulation-")).max(
                    java.util.Comparator.comparing(dir -> dir.toFile().lastModified())).orElseThrow(
                            () -> new AssertionError("no report folder in " + results));
        }
        assertTrue(Files.size(run.resolve("index.html")) > 0, "the HTML report " + run.resolve("index.html"));
        try (Stream<Path> pages = Files.list(run)) {
            assertTrue(pages.anyMatch(page -> page.getFileName().toString().startsWith("req_place-order")),
                    "the report has a page for placing orders");
        }
    }
}
