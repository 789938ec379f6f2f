package org.mercato.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docker/compose.yml (one Docker host) stays the twin of docker/stack.yml (Swarm): the same services, the same
 * settings for every Payara, and each container reachable under the Swarm name its peers look up
 * ({@code tasks.<service>}). Both files run for real in SwarmStackIT and by hand (docs/deploy.md).
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("../../docker");

    private static String settings(String file) {
        int start = file.indexOf("x-settings: &settings");
        int end = file.indexOf("x-service: &service");
        assertTrue(start >= 0 && end > start, "an x-settings block before x-service");
        return file.substring(start, end).strip();
    }

    private static Set<String> services(String file) {
        String section = file.substring(file.indexOf("\nservices:"), file.indexOf("\nnetworks:"));
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("(?m)^  ([a-z][a-z-]*):\\s*$").matcher(section);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void composeHasTheStacksServicesAndSettings() throws IOException {
        String stack = Files.readString(DOCKER.resolve("stack.yml"));
        String compose = Files.readString(DOCKER.resolve("compose.yml"));
        assertEquals(settings(stack), settings(compose));
        Set<String> names = services(stack);
        assertTrue(names.size() >= 19, names.toString());
        assertEquals(names, services(compose));
        for (String name : names) {
            if (!name.equals("grafana")) {
                assertTrue(compose.contains("aliases: [tasks." + name + "]"), name + " is tasks." + name);
            }
        }
    }
}
