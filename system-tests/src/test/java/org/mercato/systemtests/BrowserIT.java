package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storefront and the admin console in a real headless Chromium (Debian's), driven by Playwright: sign-up,
 * a refused duplicate, staff-only console sign-in and the readiness dashboard.
 */
@ExtendWith(PlatformExtension.class)
class BrowserIT {

    @Test
    void shopperAndStaffUseTheirPagesInABrowser() throws Exception {
        assertTrue(Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))),
                "Debian's chromium is needed: ./mercato test installs it (apt-get install chromium)");
        Path browserTests = Path.of(System.getProperty("mercato.browser.tests", "browser")).toAbsolutePath();
        Path shots = Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());
        Process node = new ProcessBuilder("node", "shop-and-console.mjs",
                "http://127.0.0.1:" + PlatformExtension.platform().httpPort(), PlatformExtension.ADMIN_EMAIL,
                PlatformExtension.ADMIN_PASSWORD, shots.toString())
                .directory(browserTests.toFile()).redirectErrorStream(true).start();
        boolean finished = node.waitFor(3, TimeUnit.MINUTES);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            node.destroyForcibly();
        }
        assertTrue(finished, "browser checks did not finish in 3 minutes:\n" + output);
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("browser checks passed"), output);
        assertTrue(Files.size(shots.resolve("admin-dashboard.png")) > 0);
    }
}
