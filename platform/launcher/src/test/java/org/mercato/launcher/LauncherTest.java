package org.mercato.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @Test
    void theGeneratedAdminPasswordIsShownOnlyWhenTheAdminIsCreated() {
        List<String> created = Launcher.consoleLines(
                "[WARNING] MERCATO-NOTICE first admin account created: admin@x.test", "admin@x.test", "s3cret");
        assertEquals(2, created.size());
        assertTrue(created.get(1).contains("s3cret"));

        List<String> other = Launcher.consoleLines("[WARNING] MERCATO-NOTICE something else", "a@x.test", "s3cret");
        assertFalse(String.join("", other).contains("s3cret"));
        // the same notice in a JSON log record (MERCATO_LOG_FORMAT=json)
        assertEquals(List.of(">>> first admin account created: admin@x.test", ">>> admin admin@x.test has the"
                + " generated password s3cret (shown only this once; change it after signing in)"),
                Launcher.consoleLines("{\"Level\":\"WARNING\",\"LogMessage\":\"MERCATO-NOTICE first admin account"
                        + " created: admin@x.test\"}", "admin@x.test", "s3cret"));
        // a password the operator chose is never echoed
        assertFalse(String.join("", Launcher.consoleLines("MERCATO-NOTICE first admin account created: a",
                "a@x.test", null)).contains("password"));
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String a = Launcher.generatePassword();
        assertEquals(20, a.length());
        assertFalse(a.equals(Launcher.generatePassword()));
    }

    @Test
    void settingsComeFromTheEnvironment(@TempDir Path home) {
        Settings settings = Settings.fromEnvironment(home, Map.of("MERCATO_HTTP_PORT", "9090",
                "MERCATO_DATA_DIR", home.resolve("d").toString(), "MERCATO_ADMIN_EMAIL", "boss@x.test"));
        assertEquals(9090, settings.httpPort());
        assertEquals(home.resolve("d"), settings.dataDir());
        assertEquals("boss@x.test", settings.adminEmail());
        assertTrue(settings.adminPassword().isEmpty());
        assertEquals(Service.ALL, settings.services());
        assertEquals(8080, Settings.fromEnvironment(home, Map.of()).httpPort());
    }

    @Test
    void refusesToStartWithoutTheBuiltRuntime(@TempDir Path home) {
        Settings settings = Settings.fromEnvironment(home, Map.of());
        IllegalStateException missing = assertThrows(IllegalStateException.class, settings::checkInstalled);
        assertTrue(missing.getMessage().contains("mvnw install"));
    }

    @Test
    void everyServiceHasItsDatabaseEnvironmentPrefixAndReadinessCheck() {
        Service users = Service.ALL.get(0);
        assertEquals("MERCATO_USERS_DB_", users.envPrefix());
        assertEquals(9, Service.ALL.stream().filter(s -> s.readinessCheck() != null).count());
        Service.ALL.stream().filter(s -> s.readinessCheck() != null).forEach(
                s -> assertTrue(s.readinessCheck().startsWith(s.configName() + "-"), s.toString()));
    }

    @Test
    void aStalePidFileOfAnotherProgramIsLeftAlone(@TempDir Path data) throws Exception {
        // our own JVM is not a postgres: it must survive
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n");
        EmbeddedDatabase.stopStalePostmaster(data);
        assertTrue(ProcessHandle.current().isAlive());
    }
}
