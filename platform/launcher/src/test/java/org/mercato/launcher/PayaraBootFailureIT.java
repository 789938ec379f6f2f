package org.mercato.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Payara Micro (the build's {@code target/platform}) whose HTTP port is taken fails its boot, and the
 * launcher says why: Payara's own start-up error, not only the last lines of its log (a CI run once showed three
 * failed boots of one instance with the cause cut off).
 */
class PayaraBootFailureIT {

    @Test
    void aTakenPortIsABootFailureThatNamesTheBindError(@TempDir Path data) throws Exception {
        Settings settings = Settings.fromEnvironment(Path.of("target/platform"),
                Map.of("MERCATO_DATA_DIR", data.toString(), "MERCATO_PAYARA_HEAP", "256m"))
                .withServices(List.of());
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(Ports.free()));
            int port = taken.getLocalPort();
            PayaraProcess.Instance instance = new PayaraProcess.Instance("taken-port", port, List.of(), List.of());
            try (PayaraProcess payara = PayaraProcess.start(settings, instance, Map.of(), line -> {
            })) {
                PayaraProcess.BootFailure failure = assertThrows(PayaraProcess.BootFailure.class,
                        () -> payara.awaitReady(port, List.of(), Duration.ofMinutes(3)));
                assertTrue(failure.getMessage().contains("java.net.BindException"), failure.getMessage());
                assertTrue(payara.startupError().contains("NCLS-CORE-00019"), payara.startupError());
            }
        }
    }
}
