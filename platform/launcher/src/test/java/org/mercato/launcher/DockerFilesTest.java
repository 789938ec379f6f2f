package org.mercato.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Each service of a stack or compose file by name, with its block of lines, in the file's order. */
    private static Map<String, String> serviceBlocks(String file) {
        String section = file.substring(file.indexOf("\nservices:"), file.indexOf("\nnetworks:"));
        Matcher matcher = Pattern.compile("(?m)^  ([a-z][a-z-]*):\\s*$").matcher(section);
        Map<String, String> blocks = new LinkedHashMap<>();
        String name = null;
        int start = 0;
        while (matcher.find()) {
            if (name != null) {
                blocks.put(name, section.substring(start, matcher.start()));
            }
            name = matcher.group(1);
            start = matcher.start();
        }
        if (name != null) {
            blocks.put(name, section.substring(start));
        }
        return blocks;
    }

    private static Set<String> services(String file) {
        return new TreeSet<>(serviceBlocks(file).keySet());
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

    /**
     * Every named volume of both files is mounted on a folder its image makes and hands to the user the container
     * runs as: Docker gives a new named volume the owner of that folder, or root's when the image lacks it, and a
     * non-root service then cannot write there (catalog's pictures answered 500 on a compose host until its image
     * made the folder).
     */
    @Test
    void everyNamedVolumeIsAFolderItsImageGivesToItsUser() throws IOException {
        for (String file : List.of("stack.yml", "compose.yml")) {
            String text = Files.readString(DOCKER.resolve(file));
            int mounts = 0;
            for (String block : serviceBlocks(text).values()) {
                Matcher image = Pattern.compile("image: mercato/([a-z-]+):").matcher(block);
                Matcher volume = Pattern.compile("(?m)^\\s+- ([a-z][a-z0-9-]*):(/[^\\s:]+)").matcher(block);
                while (volume.find()) {
                    assertTrue(image.find(0), file + ": the service mounting " + volume.group(1) + " names no image");
                    String dockerfile = Files.readString(DOCKER.resolve(image.group(1)).resolve("Dockerfile"));
                    String path = Pattern.quote(volume.group(2));
                    String where = file + ": " + volume.group(1) + " on " + volume.group(2) + " (docker/"
                            + image.group(1) + "/Dockerfile)";
                    assertTrue(Pattern.compile("mkdir -p[^\\n]* " + path + "(\\s|$)", Pattern.MULTILINE).matcher(
                            dockerfile).find(), where + ": the image makes the folder");
                    assertTrue(Pattern.compile("chown[^\\n]* " + path + "(\\s|$)", Pattern.MULTILINE).matcher(
                            dockerfile).find(), where + ": the image gives the folder to its user");
                    mounts++;
                }
            }
            assertTrue(mounts >= 6, file + ": " + mounts + " named volumes found");
        }
    }
}
