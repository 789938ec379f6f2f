package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mercato.launcher.EmbeddedPlatform;

/** A second start of embedded mode keeps the data of the first; a stop leaves no Payara process behind. */
class RestartIT {

    @Test
    void accountsSurviveARestart() throws Exception {
        Path dataDir = PlatformExtension.freshDataDir("restart");
        String email = "restart-" + java.util.UUID.randomUUID() + "@mercato.test";
        long payaraPid;
        try (EmbeddedPlatform first = PlatformExtension.start(dataDir, PlatformExtension.Ports.free(), Map.of())) {
            Http http = new Http(first.httpPort());
            assertEquals(201, http.post("/users/api/accounts", "{\"email\":\"" + email
                    + "\",\"password\":\"correct horse battery\",\"name\":\"Kept\"}", null).status());
            payaraPid = first.payaraPid();
        }
        assertFalse(ProcessHandle.of(payaraPid).map(ProcessHandle::isAlive).orElse(false),
                "Payara stops with the platform");
        try (EmbeddedPlatform second = PlatformExtension.start(dataDir, PlatformExtension.Ports.free(), Map.of())) {
            Http http = new Http(second.httpPort());
            Http.Reply login = http.post("/users/api/tokens", "{\"email\":\"" + email
                    + "\",\"password\":\"correct horse battery\"}", null);
            assertEquals(200, login.status(), login.body());
        }
    }
}
